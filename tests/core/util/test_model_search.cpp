// The model search order shared by the GUI and the CLI: --model, $PROMPTMASK_MODEL, the GUI setting,
// the user's models folder, the system's.
#include <QTemporaryDir>
#include <QtTest>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "util/ModelSearch.h"

namespace fs = std::filesystem;
using pm::ModelSearch;

namespace {

std::string makeBundle(const fs::path& dir) {
    fs::create_directories(dir);
    std::ofstream(dir / "manifest.json") << "{}";
    return dir.string();
}

}  // namespace

class TestModelSearch : public QObject {
    Q_OBJECT
private slots:
    void init() {
        QVERIFY(tmp_.isValid());
        root_ = fs::path(tmp_.path().toStdString());
        ::unsetenv("PROMPTMASK_MODEL");
        ::setenv("XDG_DATA_HOME", (root_ / "data").c_str(), 1);
        system_ = root_ / "system";
        demo_ = makeBundle(system_ / "demo-shapes");
        setting_ = makeBundle(root_ / "configured");
    }

    void eachPlaceInTurn() {
        const auto find = [&](const std::string& cli, const std::string& setting) {
            return ModelSearch::find(cli, setting, {system_.string()});
        };
        // Nothing but the system folder: the demo.
        QCOMPARE(find("", "").path, demo_);
        QCOMPARE(find("", "").source, std::string("system models"));
        // The user's models folder: its first bundle by name comes before the demo.
        const fs::path user = root_ / "data" / "promptmask" / "models";
        QCOMPARE(ModelSearch::userModelsDir(), user.string());
        makeBundle(user / "b-model");
        const std::string a = makeBundle(user / "a-model");
        fs::create_directories(user / "0-not-a-bundle");
        QCOMPARE(find("", "").path, a);
        // The GUI setting before the user's folder, but only while it still is a bundle.
        QCOMPARE(find("", setting_).path, setting_);
        QCOMPARE(find("", (root_ / "gone").string()).path, a);
        // PROMPTMASK_MODEL before the setting, even when broken (the user must see why it fails).
        ::setenv("PROMPTMASK_MODEL", "/no/such/bundle", 1);
        QCOMPARE(find("", setting_).path, std::string("/no/such/bundle"));
        QCOMPARE(find("", setting_).source, std::string("PROMPTMASK_MODEL"));
        // --model first of all.
        QCOMPARE(find("/given", setting_).path, std::string("/given"));
        ::unsetenv("PROMPTMASK_MODEL");
    }

    void nothingFound() {
        ::setenv("XDG_DATA_HOME", (root_ / "no-data").c_str(), 1);  // eachPlaceInTurn filled "data"
        const ModelSearch::Choice none = ModelSearch::find("", "", {(root_ / "empty").string()});
        QVERIFY2(none.path.empty(), (none.source + ": " + none.path).c_str());
    }

    void userFolderFallsBackToHome() {
        ::unsetenv("XDG_DATA_HOME");
        const std::string home = std::getenv("HOME") ? std::getenv("HOME") : "";
        if (!home.empty()) {
            QCOMPARE(ModelSearch::userModelsDir(),
                     (fs::path(home) / ".local/share/promptmask/models").string());
        }
    }

private:
    QTemporaryDir tmp_;
    fs::path root_;
    fs::path system_;
    std::string demo_;
    std::string setting_;
};

QTEST_APPLESS_MAIN(TestModelSearch)
#include "test_model_search.moc"
