#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>

#include "util/AtomicFile.h"
#include "util/Error.h"
#include "util/Sha256.h"

namespace {

std::string patterned(size_t n) {
    std::string s(n, '\0');
    for (size_t i = 0; i < n; ++i) {
        s[i] = char((i * 7) & 255);
    }
    return s;
}

}  // namespace

class TestSha256 : public QObject {
    Q_OBJECT
private slots:
    void knownDigests_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("hex");
        // FIPS 180-2 examples, then lengths around the 55/56/64-byte padding boundaries
        // (digests from Python's hashlib).
        QTest::newRow("empty") << QByteArray()
                               << "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        QTest::newRow("abc") << QByteArray("abc")
                             << "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        QTest::newRow("two-blocks") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                                    << "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
        const std::pair<size_t, const char*> lengths[] = {
            {55, "576a1bf8d4478657e6dc4af9398544765c2a92cde28478b019235cfed315fc09"},
            {56, "9b20501dfd1d99161c257950f3444f3e49230c351c5c8e0943ef369f85f5205d"},
            {63, "30b345906b493f06f69444b6521113511c242f30e29840462950035043682f1e"},
            {64, "d8bc63b4fc1156e5e7d95a418b9bf54cd3174bedbc2db40f74895349b229b3c0"},
            {65, "1ee23b0fbcaecc1aff4a9e8f1645f35ab2c8e13609cd73b68df8b5e3f63ce073"},
            {119, "7a6589821178918ca8d9edaba5abfc1e9b2669564f4469b66885379c1530b2c8"},
            {120, "655250427d56b1b0eeb8497d21428704273458a01772d6881b65c0abac0f8a98"},
            {128, "54c9eb041badfd7064645067b107661fed6113197ce2dd066ba69618abd3732f"},
        };
        for (const auto& [n, hex] : lengths) {
            const std::string s = patterned(n);
            QTest::newRow(qPrintable(QString("len%1").arg(n))) << QByteArray(s.data(), int(s.size())) << hex;
        }
    }

    void knownDigests() {
        QFETCH(QByteArray, input);
        QFETCH(QString, hex);
        QCOMPARE(QString::fromStdString(
                     pm::Sha256::hexOf(std::string_view(input.constData(), size_t(input.size())))),
                 hex);
        // Streaming in uneven pieces gives the same digest.
        for (const size_t piece : {size_t(1), size_t(3), size_t(63), size_t(65)}) {
            pm::Sha256 sha;
            for (int i = 0; i < input.size(); i += int(piece)) {
                sha.update(input.constData() + i, std::min(piece, size_t(input.size() - i)));
            }
            QCOMPARE(QString::fromStdString(sha.hexDigest()), hex);
        }
    }

    void millionAs() {
        pm::Sha256 sha;
        const std::string chunk(1000, 'a');
        for (int i = 0; i < 1000; ++i) {
            sha.update(chunk);
        }
        QCOMPARE(QString::fromStdString(sha.hexDigest()),
                 QString("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
    }

    void fileDigestEqualsMemoryDigest() {
        QTemporaryDir dir;
        const std::filesystem::path file = std::filesystem::path(dir.path().toStdString()) / "blob.bin";
        const std::string data = patterned((size_t(4) << 20) + 12345);  // crosses the 4 MiB read chunk
        pm::AtomicFile::write(file, data);
        QCOMPARE(pm::Sha256::hexOfFile(file), pm::Sha256::hexOf(data));
    }

    void missingFileIsAnInputError() {
        try {
            pm::Sha256::hexOfFile("/nonexistent/model.pt");
            QFAIL("expected pm::Error");
        } catch (const pm::Error& e) {
            QCOMPARE(e.kind(), pm::ErrorKind::Input);
            QVERIFY(QString(e.what()).contains("/nonexistent/model.pt"));
        }
    }
};

QTEST_GUILESS_MAIN(TestSha256)
#include "test_sha256.moc"
