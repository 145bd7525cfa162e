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

    // The prompt algebra per label: what the model is asked (GUI and CLI alike, LabelSpec::combinedPrompts).
    void promptAlgebraFields() {
        QTemporaryDir tmp;
        const fs::path dir = tmp.path().toStdString();
        const fs::path file = writeFile(dir / "labels.json", R"([
          {"name": "cup", "prompts": ["a cup", " ", "a mug"], "negatives": ["a plate", "  "],
           "negativeStrength": 0.5, "templates": "clip7"},
          {"name": "cat", "prompts": ["a cat", "a kitten"], "ensemble": true,
           "negativeExemplars": [{"image": "n.png", "box": [1, 1, 4, 4]}]},
          {"name": "dog", "prompts": ["a dog"], "mix": 0.25,
           "exemplars": [{"image": "d.png", "box": [0, 0, 9, 9], "mode": "plain"}]},
          {"name": "fox", "prompts": ["a fox"], "mix": 0.5},
          {"name": "owl", "mix": null, "ensemble": false}
        ])");
        const LabelSet set = LabelSet::load(file);
        const auto& l = set.labels();
        // Not an ensemble: one map per prompt (OR-ed), each with the label's negatives and templates.
        const auto cup = l[0].combinedPrompts();
        QCOMPARE(cup.size(), size_t(2));
        for (const pm::CombinedPrompt& c : cup) {
            QCOMPARE(c.members.size(), size_t(1));
            QCOMPARE(c.negatives.size(), size_t(1));  // the blank one is dropped
            QCOMPARE(c.negatives[0].text, std::string("a plate"));
            QCOMPARE(c.negativeStrength, 0.5);
            QCOMPARE(c.templateSet, std::string("clip7"));
            QVERIFY(!c.mix);
        }
        QCOMPARE(cup[1].members[0].text, std::string("a mug"));
        QVERIFY(l[0].usesPromptAlgebra());
        // Ensemble: one map for all members; negative exemplars resolved like exemplars.
        const auto cat = l[1].combinedPrompts();
        QCOMPARE(cat.size(), size_t(1));
        QCOMPARE(cat[0].members.size(), size_t(2));
        QCOMPARE(cat[0].negatives.at(0).exemplar->imagePath, (dir / "n.png").string());
        QVERIFY(set.missingExemplars().size() == 2);  // n.png and d.png
        // Mix: one map; needs a text and an exemplar, else the label is a plain ensemble.
        const auto dog = l[2].combinedPrompts();
        QCOMPARE(dog.size(), size_t(1));
        QCOMPARE(dog[0].members.size(), size_t(2));
        QCOMPARE(dog[0].mix.value_or(-1), 0.25);
        dog[0].validate();
        const auto fox = l[3].combinedPrompts();
        QCOMPARE(fox.size(), size_t(1));
        QVERIFY(!fox[0].mix);
        fox[0].validate();
        // A version-1 label: single plain prompts, nothing of the algebra.
        QVERIFY(!l[4].usesPromptAlgebra());
        QCOMPARE(l[4].combinedPrompts().size(), size_t(1));
        QVERIFY(l[4].combinedPrompts()[0].isSingle());
        // Provenance names exemplars relative to the labels folder.
        const auto described = LabelSet::describe(dog, set.baseDir());
        QCOMPARE(described.at(0), std::string("mix 0.25(a dog|visual:d.png@0,0,9,9/plain)"));
    }

    // toJson() writes what parse() reads, key for key; version 1 unless the algebra is used.
    void toJsonRoundTrips() {
        QTemporaryDir tmp;
        const fs::path dir = tmp.path().toStdString();
        const fs::path file = writeFile(dir / ".promptmask/labels.json", R"({
          "format": "promptmask-labels", "version": 2, "overlapMode": "overlapping",
          "labels": [{"id": "a", "name": "cup", "color": "\u0023ff0000", "prompts": ["a cup"], "threshold": 0.3,
                      "negatives": ["a plate"], "negativeStrength": 0.8, "templates": "fixed", "ensemble": true,
                      "mix": 0.5, "exemplars": [{"image": "p/x.png", "box": [1, 2, 3, 4]}],
                      "negativeExemplars": [{"image": "/abs/y.png", "box": [5, 6, 7, 8], "mode": "crop"}]}]})");
        const LabelSet set = LabelSet::load(file);
        const std::string written = set.toJson();
        QVERIFY(written.find("\"version\": 2") != std::string::npos);
        QVERIFY(written.find("\"p/x.png\"") != std::string::npos);
        writeFile(dir / ".promptmask/again.json", written);
        const LabelSet again = LabelSet::load(dir / ".promptmask/again.json");
        QCOMPARE(again.toJson(), written);
        const pm::LabelSpec& a = again.labels()[0];
        QCOMPARE(a.negativeExemplars.at(0).imagePath, std::string("/abs/y.png"));
        QCOMPARE(a.templates, std::string("fixed"));
        QCOMPARE(a.mix.value_or(-1), 0.5);
        QCOMPARE(a.negativeStrength, 0.8);
        QVERIFY(a.ensemble);
        QCOMPARE(again.overlap(), LabelSet::Overlap::Overlapping);

        pm::LabelSpec cup;
        cup.name = "cup";
        cup.prompts = {"a cup"};
        const LabelSet plain({cup}, LabelSet::Overlap::Exclusive, dir);
        QVERIFY(plain.toJson().find("\"version\": 1") != std::string::npos);
        QVERIFY(plain.toJson().find("negatives") == std::string::npos);
    }

    // The editor (GUI) loads a project still being built; a batch run refuses it.
    void editorAcceptsEmptyAndRepeatedNames() {
        const std::string empty = R"({"format": "promptmask-labels", "version": 1, "labels": []})";
        QVERIFY(LabelSet::parse(empty, "/d/.promptmask/labels.json", LabelSet::Use::Editor).labels().empty());
        QVERIFY(!errorOf([&] { LabelSet::parse(empty, "/d/labels.json"); }).empty());
        const std::string twice = R"([{"name": "a"}, {"name": "a"}])";
        QCOMPARE(LabelSet::parse(twice, "/d/l.json", LabelSet::Use::Editor).labels().size(), size_t(2));
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
        QTest::newRow("templates") << R"([{"name": "a", "templates": "photos"}])"
                                   << "templates \"photos\" is not one of \"none\"";
        QTest::newRow("strength") << R"([{"name": "a", "negativeStrength": -1}])"
                                  << "negativeStrength -1 is not a number in 0..1";
        QTest::newRow("mix") << R"([{"name": "a", "mix": "half"}])"
                             << "mix \"half\" is not a number in 0..1";
        QTest::newRow("id") << R"([{"name": "a", "id": 7}])"
                            << "label 1 (\"a\"): id 7 is not a text";
        QTest::newRow("ensemble") << R"([{"name": "a", "ensemble": 1}])"
                                  << "ensemble 1 is not true or false";
        QTest::newRow("negatives") << R"([{"name": "a", "negatives": "dog"}])"
                                   << "\"negatives\" must be a list of texts";
        QTest::newRow("negative exemplar")
            << R"([{"name": "a", "negativeExemplars": [{"box": [1, 2, 3, 4]}]}])"
            << "an exemplar needs an \"image\" path";
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
