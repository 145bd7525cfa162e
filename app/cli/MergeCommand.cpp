#include "MergeCommand.h"

#include <iostream>
#include <map>
#include <set>

#include "ArgParser.h"
#include "annotation/AnnotationFormat.h"
#include "project/ItemStore.h"
#include "project/ResultAssembler.h"
#include "project/RunManifest.h"
#include "project/ShardSpec.h"
#include "util/Error.h"

namespace fs = std::filesystem;

namespace pm::cli {

std::string MergeCommand::summary() const {
    return "merge the outputs of sharded label runs into one dataset";
}

std::string MergeCommand::usage() const {
    return R"(Usage: promptmask-cli merge --format coco|labelme|masks OUTDIR... --out PATH

Joins the per-image results of `promptmask-cli label` runs (one OUTDIR per shard) into one dataset:
PATH is the COCO file, or the labelme / masks folder. Images are written in path order, so the ids do
not depend on the number of shards: merging the shards of a run gives the same file as a single run.

The runs must come from the same images folder, labels and model (their run.json agree); an image
labelled by two of them is an error. Missing shards (of I/N) are reported, images that failed in a
shard are counted (see each shard's errors.jsonl).

Exit status: 0 ok, 2 usage error, 3 input error (not a label output, runs disagree, an image twice,
PATH not writable).
)";
}

int MergeCommand::run(const std::vector<std::string>& rawArgs) {
    ArgParser args({"format", "out"}, {});
    args.parse(rawArgs);
    const std::string format = args.required("format");
    const fs::path out = args.required("out");
    if (!AnnotationFormat::create(format)) {
        throw Error(ErrorKind::Usage, "--format '" + format + "' is not one of coco, labelme, masks");
    }
    if (args.positionals().empty()) {
        throw Error(ErrorKind::Usage, "give the label output folders to merge (OUTDIR...)");
    }
    std::vector<RunManifest> runs;
    std::vector<ItemStore> stores;
    for (const std::string& dir : args.positionals()) {
        runs.push_back(RunManifest::load(dir));
        stores.emplace_back(dir);
        const std::string diff = runs.front().differenceTo(runs.back());
        if (!diff.empty()) {
            throw Error(ErrorKind::Input, dir + ": made with " + diff + " than " +
                                              args.positionals().front() +
                                              "; only shards of one run can be merged");
        }
    }
    std::map<std::string, std::string> owner;  // image -> output folder
    std::vector<ResultAssembler::Item> items;
    size_t failed = 0;
    for (size_t i = 0; i < stores.size(); ++i) {
        for (const std::string& image : stores[i].results()) {
            const auto [it, added] = owner.emplace(image, args.positionals()[i]);
            if (!added) {
                if (it->second == args.positionals()[i]) {
                    continue;  // the same folder given twice
                }
                throw Error(ErrorKind::Input, image + ": labelled in both " + it->second + " and " +
                                                  args.positionals()[i] + " (overlapping shards?)");
            }
            items.push_back({image, &stores[i]});
        }
        failed += stores[i].errors().size();
    }
    // Shards of one split that are not all here.
    std::map<int, std::set<int>> shards;
    for (const RunManifest& r : runs) {
        const ShardSpec s = ShardSpec::parse(r.shard);
        shards[s.count()].insert(s.index());
    }
    for (const auto& [count, indexes] : shards) {
        if (int(indexes.size()) < count) {
            std::cerr << "promptmask-cli merge: warning: only " << indexes.size() << " of " << count
                      << " shards given; the merged dataset is incomplete\n";
        }
    }
    ResultAssembler assembler(format, runs.front().labels, runs.front().imagesRoot);
    assembler.write(items, out);
    for (const std::string& p : assembler.problems()) {
        std::cerr << "promptmask-cli merge: warning: " << p << "\n";
    }
    std::cout << "merged " << items.size() << " image" << (items.size() == 1 ? "" : "s") << " from "
              << stores.size() << " run" << (stores.size() == 1 ? "" : "s") << " into " << out.string();
    if (failed > 0) {
        std::cout << " (" << failed << " image" << (failed == 1 ? "" : "s")
                  << " failed in the runs; see their errors.jsonl)";
    }
    std::cout << "\n";
    return 0;
}

}  // namespace pm::cli
