#include <QtTest>

#include "model/NpyFile.h"
#include "util/Error.h"

class TestNpyFile : public QObject {
    Q_OBJECT
private slots:
    void roundTrip_data() {
        QTest::addColumn<QList<qint64>>("shape");
        QTest::newRow("scalar") << QList<qint64>{};
        QTest::newRow("1d") << QList<qint64>{5};
        QTest::newRow("3d") << QList<qint64>{2, 3, 4};
        QTest::newRow("empty") << QList<qint64>{0, 352, 352};
    }

    void roundTrip() {
        QFETCH(QList<qint64>, shape);
        pm::FloatTensor t;
        t.shape.assign(shape.begin(), shape.end());
        for (int64_t i = 0; i < pm::FloatTensor::count(t.shape); ++i) {
            t.data.push_back(float(i) * 0.5f - 3.25f);
        }
        const std::string bytes = pm::NpyFile::encode(t);
        QVERIFY(bytes.compare(0, 8, std::string("\x93NUMPY\x01\x00", 8)) == 0);
        const size_t headerLength = uint8_t(bytes[8]) | size_t(uint8_t(bytes[9])) << 8;
        QCOMPARE((10 + headerLength) % 64, size_t(0));  // data 64-byte aligned, as numpy writes it
        QCOMPARE(bytes[10 + headerLength - 1], '\n');
        const pm::FloatTensor back = pm::NpyFile::decode(bytes);
        QCOMPARE(back.shape, t.shape);
        QCOMPARE(back.data, t.data);
    }

    void headerSpellsTheShapeLikeNumpy() {
        const std::string one = pm::NpyFile::encode({{3}, {1, 2, 3}});
        QVERIFY(one.find("'shape': (3,)") != std::string::npos);
        const std::string three = pm::NpyFile::encode({{1, 2, 1}, {1, 2}});
        QVERIFY(three.find("'descr': '<f4', 'fortran_order': False, 'shape': (1, 2, 1)") !=
                std::string::npos);
    }

    void rejectsWhatItCannotRead_data() {
        QTest::addColumn<QByteArray>("bytes");
        const std::string good = pm::NpyFile::encode({{2}, {1, 2}});
        QTest::newRow("not npy") << QByteArray("hello world");
        QTest::newRow("truncated data") << QByteArray(good.data(), int(good.size()) - 1);
        std::string f8 = good;
        f8.replace(f8.find("<f4"), 3, "<f8");
        QTest::newRow("float64") << QByteArray(f8.data(), int(f8.size()));
        std::string fortran = good;
        fortran.replace(fortran.find("False"), 5, "True ");
        QTest::newRow("fortran order") << QByteArray(fortran.data(), int(fortran.size()));
    }

    void rejectsWhatItCannotRead() {
        QFETCH(QByteArray, bytes);
        try {
            pm::NpyFile::decode(bytes.toStdString(), "logits.npy");
            QFAIL("expected pm::Error");
        } catch (const pm::Error& e) {
            QCOMPARE(e.kind(), pm::ErrorKind::Input);
            QVERIFY(QString(e.what()).startsWith("logits.npy: "));
        }
    }
};

QTEST_GUILESS_MAIN(TestNpyFile)
#include "test_npy_file.moc"
