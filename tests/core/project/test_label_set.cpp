// LabelSet (both schemas, errors naming the file) and ShardSpec (parse, stable hash, disjoint + complete).
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>
#include <set>

#include "project/LabelSet.h"
#include "project/ShardSpec.h"
#include "util/Error.h"

namespace fs = std::filesystem;
using pm::LabelSet;
using pm::ShardSpec;

namespace {

fs::path writeFile(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
    return path;
}

// The message of the pm::Error `fn` throws, or "" when it throws none.
template <typename Fn>
std::string errorOf(Fn fn, pm::ErrorKind* kind = nullptr) {
    try {
        fn();
    } catch (const pm::Error& e) {
        if (kind) {
            *kind = e.kind();
        }
        return e.what();
    }
    return {};
}

}  // namespace

class TestLabelSet : public QObject {
    Q_OBJECT

private slots:
    void handWrittenList() {
        QTemporaryDir tmp;
        const fs::path dir = tmp.path().toStdString();
        const fs::path file = writeFile(dir / "sets/labels.json", R"([
          {"name": "cup", "prompts": ["a cup", "  ", " a mug "], "threshold": 0.4, "color": "\u0023ff0000"},
          {"name": "plate", "exemplars": [{"image": "../img/a.png", "box": [1, 2, 30, 40], "mode": "crop"}]},
          {"name": "table"}
        ])");
        // (colours as \u0023 escapes: a '#' inside a raw string literal stops moc from seeing this class)
        const LabelSet set = LabelSet::load(file);
        QCOMPARE(set.labels().size(), size_t(3));
        QCOMPARE(set.overlap(), LabelSet::Overlap::Exclusive);
        QCOMPARE(set.baseDir(), (dir / "sets").lexically_normal());
        const auto& cup = set.labels()[0];
        QCOMPARE(cup.threshold, 0.4);
        QCOMPARE(cup.color, std::string("#ff0000"));
        const auto prompts = cup.effectivePrompts();
        QCOMPARE(prompts.size(), size_t(2));
        QCOMPARE(prompts[1].text, std::string("a mug"));
        // Exemplar paths are relative to the labels file.
        const auto& plate = set.labels()[1];
        QCOMPARE(plate.exemplars.at(0).imagePath, (dir / "img/a.png").string());
        QCOMPARE(plate.exemplars[0].box, cv::Rect(1, 2, 30, 40));
        QCOMPARE(plate.exemplars[0].mode, pm::VisualPromptMode::Crop);
        QCOMPARE(plate.effectivePrompts().size(), size_t(1));
        QVERIFY(plate.effectivePrompts()[0].isVisual());
        QCOMPARE(plate.threshold, 0.5);
        // A bare label asks for its name.
        QCOMPARE(set.labels()[2].effectivePrompts().at(0).text, std::string("table"));
        QCOMPARE(set.relativeToBase((dir / "sets/x/y.png").string()), std::string("x/y.png"));
        QCOMPARE(set.relativeToBase("/elsewhere/y.png"), std::string("/elsewhere/y.png"));
        QVERIFY(set.missingExemplars().at(0).find((dir / "img/a.png").string()) != std::string::npos);
    }

    void guiFileResolvesAgainstTheDataset() {
        QTemporaryDir tmp;
        const fs::path dataset = tmp.path().toStdString();
        writeFile(dataset / "photos/cat.png", "x");
        const fs::path file = writeFile(dataset / ".promptmask/labels.json", R"({
          "format": "promptmask-labels", "version": 1, "overlapMode": "overlapping",
          "labels": [{"id": "a1b2c3d4", "name": "label 1", "color": "\u002300ff00", "prompts": [], "threshold": 0.7,
                      "visible": false,
                      "exemplars": [{"image": "photos/cat.png", "box": [0, 0, 5, 5], "mode": "plain"}]},
                     {"id": "e5", "name": "label 2", "prompts": [], "exemplars": [], "threshold": 0.5}]})");
        const LabelSet set = LabelSet::load(file);
        QCOMPARE(set.overlap(), LabelSet::Overlap::Overlapping);
        QCOMPARE(set.baseDir(), dataset.lexically_normal());
        QCOMPARE(set.labels()[0].id, std::string("a1b2c3d4"));
        QCOMPARE(set.labels()[0].visible, false);
        QCOMPARE(set.labels()[0].exemplars.at(0).imagePath, (dataset / "photos/cat.png").string());
        QVERIFY(set.missingExemplars().empty());
        // A placeholder name is no prompt (the GUI does not segment an unnamed label).
        QVERIFY(set.labels()[1].effectivePrompts().empty());
    }

    void errorsNameTheFileAndTheProblem_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("problem");
        QTest::newRow("not json") << "[{"
                                  << "not valid JSON";
        QTest::newRow("other object") << R"({"labels": []})"
                                      << "not a labels file";
        QTest::newRow("version") << R"({"format": "promptmask-labels", "version": 7, "labels": []})"
                                 << "unsupported version 7";
        QTest::newRow("empty") << "[]"
                               << "has no labels";
        QTest::newRow("no name") << R"([{"prompts": ["x"]}])"
                                 << "label 1 has no \"name\"";
        QTest::newRow("threshold") << R"([{"name": "a", "threshold": 1.5}])"
                                   << "threshold 1.5 is not";
        QTest::newRow("prompt type") << R"([{"name": "a", "prompts": [3]}])"
                                     << "prompt 3 is not a text";
        QTest::newRow("duplicate") << R"([{"name": "a"}, {"name": "a"}])"
                                   << "used by another label";
        QTest::newRow("box") << R"([{"name": "a", "exemplars": [{"image": "x.png", "box": [1, 2]}]}])"
                             << "no [x, y, width, height] box";
        QTest::newRow("empty box")
            << R"([{"name": "a", "exemplars": [{"image": "x.png", "box": [1, 2, 0, 3]}]}])"
            << "is empty";
        QTest::newRow("mode") << R"([{"name": "a", "exemplars": [{"image": "x.png", "box": [1, 2, 3, 3],
                                   "mode": "zoom"}]}])"
                              << "exemplar mode \"zoom\"";
    }
    void errorsNameTheFileAndTheProblem() {
        QFETCH(QString, text);
        QFETCH(QString, problem);
        QTemporaryDir tmp;
        const fs::path file = writeFile(fs::path(tmp.path().toStdString()) / "l.json", text.toStdString());
        pm::ErrorKind kind = pm::ErrorKind::Usage;
        const std::string message = errorOf([&] { LabelSet::load(file); }, &kind);
        QVERIFY2(message.find(file.string()) == 0, message.c_str());
        QVERIFY2(message.find(problem.toStdString()) != std::string::npos, message.c_str());
        QCOMPARE(kind, pm::ErrorKind::Input);
    }

    void missingFile() {
        const std::string message = errorOf([] { LabelSet::load("/nonexistent/labels.json"); });
        QVERIFY2(message.find("/nonexistent/labels.json: no such labels file") == 0, message.c_str());
    }

    void shardParse() {
        QCOMPARE(ShardSpec::parse("2/5").index(), 2);
        QCOMPARE(ShardSpec::parse("2/5").count(), 5);
        for (const char* bad : {"5/5", "6/5", "-1/3", "1/0", "1", "a/3", "1/3x", "", "/"}) {
            pm::ErrorKind kind = pm::ErrorKind::Input;
            const std::string message = errorOf([&] { ShardSpec::parse(bad); }, &kind);
            QVERIFY2(!message.empty(), bad);
            QCOMPARE(kind, pm::ErrorKind::Usage);
        }
    }

    void shardHashIsFnv1a64() {
        // Published FNV-1a 64 test values: the hash must never change, or resumed and merged runs break.
        QCOMPARE(ShardSpec::hash(""), uint64_t(0xcbf29ce484222325ull));
        QCOMPARE(ShardSpec::hash("a"), uint64_t(0xaf63dc4c8601ec8cull));
        QCOMPARE(ShardSpec::hash("foobar"), uint64_t(0x85944171f73967e8ull));
    }

    void shardsAreDisjointAndComplete() {
        std::vector<std::string> paths;
        for (int i = 0; i < 3000; ++i) {
            paths.push_back("dir" + std::to_string(i % 7) + "/img_" + std::to_string(i) + ".jpg");
        }
        for (int n : {1, 2, 3, 8, 64}) {
            std::vector<int> owners(paths.size(), 0);
            std::vector<size_t> sizes(size_t(n), 0);
            for (int i = 0; i < n; ++i) {
                const ShardSpec shard(i, n);
                for (size_t p = 0; p < paths.size(); ++p) {
                    if (shard.contains(paths[p])) {
                        ++owners[p];
                        ++sizes[size_t(i)];
                    }
                }
            }
            for (int o : owners) {
                QCOMPARE(o, 1);  // every image in exactly one shard
            }
            for (size_t s : sizes) {  // and the shards are balanced (no empty shard)
                QVERIFY2(double(s) > 0.6 * double(paths.size()) / n, qPrintable(QString::number(s)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestLabelSet)
#include "test_label_set.moc"
