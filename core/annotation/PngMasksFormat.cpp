#include "annotation/PngMasksFormat.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <set>
#include <sstream>

#include "annotation/PalettePng.h"
#include "annotation/SafePath.h"
#include "annotation/SizeLimit.h"
#include "image/ImageHeader.h"
#include "util/AtomicFile.h"
#include "util/Error.h"

namespace pm {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

bool isPng(const fs::path& p) {
    return !cv::imread(p.string(), cv::IMREAD_UNCHANGED).empty();
}

bool isText(const fs::path&) {
    return true;
}

std::string encodeGray(const cv::Mat& mask) {
    std::vector<uchar> buf;
    if (!cv::imencode(".png", mask, buf)) {
        throw Error(ErrorKind::Io, "cannot encode PNG");
    }
    return std::string(buf.begin(), buf.end());
}

}  // namespace

std::string PngMasksFormat::safeFileName(const std::string& label) {
    std::string s;
    for (unsigned char c : label) {
        s += (std::isalnum(c) || c == '-' || c == '.' || c >= 0x80) ? static_cast<char>(c) : '_';
    }
    if (s.empty() || s == "." || s == "..") {
        s = "_" + s;
    }
    return s.substr(0, 100);
}

bool PngMasksFormat::write(const Dataset& dataset, const fs::path& out, const WriteOptions& options) {
    reset();
    if (dataset.labels.size() > 254) {
        return fail("the PNG masks format holds at most 254 labels, the dataset has " +
                    std::to_string(dataset.labels.size()));
    }
    std::error_code ec;
    fs::create_directories(out, ec);
    if (!fs::is_directory(out)) {
        return fail("cannot create output folder '" + out.string() + "'");
    }
    const auto colors = PalettePng::labelColormap(256);
    // "__ignore__" (labelme's don't-care region) is no label here: it is index 255, as labelme2voc.
    std::vector<std::string> labels;
    for (const std::string& label : dataset.labels) {
        if (label != Dataset::kIgnoreLabel) {
            labels.push_back(label);
        }
    }
    std::map<std::string, int> index;
    for (size_t i = 0; i < labels.size(); ++i) {
        index.emplace(labels[i], static_cast<int>(i + 1));
    }
    json imagesJson = json::array();
    std::set<std::string> usedStems;
    for (size_t i = 0; i < dataset.images.size(); ++i) {
        const ImageAnnotation& image = dataset.images[i];
        try {
            const fs::path rel(image.imagePath);
            std::string stem = (rel.parent_path() / rel.stem()).generic_string();
            if (!usedStems.insert(stem).second) {
                stem = rel.generic_string();  // "cat.jpg" and "cat.png" in one folder
                usedStems.insert(stem);
            }
            cv::Mat indices(image.size, CV_8UC1, cv::Scalar(0));
            std::map<int, cv::Mat> perLabel;
            leaveOut("labelme shapes without an area (point, line, linestrip): PNG masks hold areas only",
                     image.otherShapes.size());
            cv::Mat ignore;
            for (const auto& instance : image.instances) {
                if (instance.box) {
                    leaveOut("box-only annotations: PNG masks hold no boxes");
                    continue;
                }
                if (instance.label == Dataset::kIgnoreLabel && instance.mask.size() == image.size) {
                    ignore = ignore.empty() ? (instance.mask != 0) : (ignore | (instance.mask != 0));
                    continue;
                }
                const auto it = index.find(instance.label);
                if (it == index.end() || instance.mask.size() != image.size) {
                    fileError(image.imagePath + ": instance '" + instance.label +
                              "' has an unknown label or a mask of the wrong size");
                    continue;
                }
                const cv::Mat on = MaskPolygons::removeSpecks(instance.mask, options.polygons.minArea);
                indices.setTo(it->second, on);
                cv::Mat& m = perLabel[it->second];
                m = m.empty() ? on.clone() : (m | on);
            }
            if (!ignore.empty()) {
                indices.setTo(255, ignore);
            }
            const std::string indexRel = "index/" + stem + ".png";
            const fs::path indexPath = SafePath::outputInside(out, indexRel);
            fs::create_directories(indexPath.parent_path());
            writeOutput(indexPath, PalettePng::encode(indices, colors), isPng);
            json binary = json::object();
            for (const auto& [k, m] : perLabel) {
                const std::string name = labels[static_cast<size_t>(k - 1)];
                const std::string binRel =
                    "binary/" + stem + "/" + std::to_string(k) + "_" + safeFileName(name) + ".png";
                const fs::path binPath = SafePath::outputInside(out, binRel);
                fs::create_directories(binPath.parent_path());
                writeOutput(binPath, encodeGray(m), isPng);
                binary[name] = binRel;
            }
            imagesJson.push_back({{"image", image.imagePath},
                                  {"index_png", indexRel},
                                  {"size", {image.size.width, image.size.height}},
                                  {"binary", std::move(binary)}});
        } catch (const Error& e) {
            fileError(image.imagePath + ": " + e.what());
        }
        reportProgress(i + 1, dataset.images.size());
    }
    std::ostringstream txt;
    txt << "_background_\n";
    json labelsJson = json::array({{{"index", 0}, {"name", "_background_"}, {"color", {0, 0, 0}}}});
    for (size_t i = 0; i < labels.size(); ++i) {
        txt << labels[i] << "\n";
        const auto& c = colors[i + 1];
        labelsJson.push_back({{"index", i + 1}, {"name", labels[i]}, {"color", {c[0], c[1], c[2]}}});
    }
    try {
        writeOutput(out / "labels.txt", txt.str(), isText);
        writeOutput(out / "labels.json", json{{"labels", labelsJson}, {"images", imagesJson}}.dump(2) + "\n",
                    isJsonFile);
    } catch (const Error& e) {
        return fail(e.what());
    }
    return true;
}

bool PngMasksFormat::read(const fs::path& in, const fs::path& imagesRoot, Dataset& out) {
    reset();
    out.imagesRoot = imagesRoot;
    if (!fs::is_directory(in)) {
        return fail("masks input '" + in.string() + "' is not a folder");
    }
    // Labels: labels.json, else labels.txt.
    std::vector<std::string> names;
    std::vector<std::pair<std::string, std::string>> listed;  // (index png, image)
    json meta;
    try {
        if (fs::exists(in / "labels.json")) {
            meta = json::parse(AtomicFile::readAll(in / "labels.json"));
            for (const auto& l : meta.at("labels")) {
                const size_t k = l.at("index").get<size_t>();
                if (k > 255) {
                    throw Error(ErrorKind::Input, "label index above 255");
                }
                names.resize(std::max(names.size(), k + 1));
                names[k] = l.at("name").get<std::string>();
            }
            for (const auto& im : meta.value("images", json::array())) {
                listed.emplace_back(im.at("index_png").get<std::string>(), im.at("image").get<std::string>());
            }
        } else if (fs::exists(in / "labels.txt")) {
            std::istringstream s(AtomicFile::readAll(in / "labels.txt"));
            for (std::string line; std::getline(s, line);) {
                if (!line.empty() && line.back() == '\r') {
                    line.pop_back();
                }
                names.push_back(line);
            }
        } else {
            return fail("'" + in.string() + "' has neither labels.json nor labels.txt");
        }
    } catch (const std::exception& e) {
        return fail(in.string() + ": cannot read the label list: " + e.what());
    }
    if (listed.empty()) {
        // No list: every PNG under index/, matched to an image with the same stem.
        std::vector<fs::path> pngs;
        std::error_code ec;
        for (auto it = fs::recursive_directory_iterator(in / "index", ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (it->is_regular_file() && it->path().extension() == ".png") {
                pngs.push_back(it->path());
            }
        }
        std::sort(pngs.begin(), pngs.end());
        for (const auto& p : pngs) {
            const fs::path rel = p.lexically_relative(in / "index");
            std::string image = (rel.parent_path() / rel.stem()).generic_string() + ".png";
            for (const char* ext :
                 {".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff", ".webp", ".JPG", ".PNG"}) {
                const fs::path candidate = rel.parent_path() / (rel.stem().string() + ext);
                if (fs::exists(imagesRoot / candidate)) {
                    image = candidate.generic_string();
                    break;
                }
            }
            listed.emplace_back(fs::path("index") / rel, image);
        }
    }
    // Keep the listed label order, also for labels no image uses.
    for (size_t k = 1; k < names.size(); ++k) {
        out.labelIndex(names[k]);
    }
    const auto colors = PalettePng::labelColormap(256);
    for (size_t i = 0; i < listed.size(); ++i) {
        const auto& [pngRel, imageRef] = listed[i];
        try {
            ImageAnnotation image;
            image.imagePath = SafePath::resolveInside(imagesRoot, imagesRoot, imageRef);
            const std::string pngInside = SafePath::resolveInside(in, in, pngRel);
            if (const auto header = ImageHeader::read((in / pngInside).string())) {
                SizeLimit::check("label image", header->width, header->height);
            }
            const cv::Mat raw = cv::imread((in / pngInside).string(), cv::IMREAD_UNCHANGED);
            if (raw.empty()) {
                throw Error(ErrorKind::Input, "cannot read '" + pngRel + "'");
            }
            cv::Mat indices;
            if (raw.type() == CV_8UC1) {
                indices = raw;
            } else if (raw.type() == CV_8UC3) {
                // OpenCV expands palettes to BGR: map the colours back to indices.
                std::map<uint32_t, int> lookup;
                for (int k = 0; k < 256; ++k) {
                    lookup.emplace(colors[k][0] << 16 | colors[k][1] << 8 | colors[k][2], k);
                }
                indices.create(raw.size(), CV_8UC1);
                for (int y = 0; y < raw.rows; ++y) {
                    for (int x = 0; x < raw.cols; ++x) {
                        const cv::Vec3b bgr = raw.at<cv::Vec3b>(y, x);
                        const auto it = lookup.find(uint32_t(bgr[2]) << 16 | bgr[1] << 8 | bgr[0]);
                        if (it == lookup.end()) {
                            throw Error(ErrorKind::Input,
                                        "'" + pngRel + "' has a colour that is not in the label palette");
                        }
                        indices.at<uint8_t>(y, x) = static_cast<uint8_t>(it->second);
                    }
                }
            } else {
                throw Error(ErrorKind::Input, "'" + pngRel + "' is not an 8-bit label image");
            }
            image.size = indices.size();
            SizeLimit::check("label image", image.size.width, image.size.height);
            if (names.size() < 256) {  // 255 is the ignore index unless 255 labels are listed
                const cv::Mat ignore = indices == 255;
                if (cv::countNonZero(ignore) > 0) {
                    Instance instance;
                    instance.label = Dataset::kIgnoreLabel;
                    instance.mask = ignore;
                    out.labelIndex(instance.label);
                    image.instances.push_back(std::move(instance));
                    indices = indices.clone();
                    indices.setTo(0, ignore);
                }
            }
            double maxValue = 0;
            cv::minMaxLoc(indices, nullptr, &maxValue);
            if (static_cast<size_t>(maxValue) >= std::max<size_t>(names.size(), 1)) {
                throw Error(ErrorKind::Input, "'" + pngRel + "' uses label index " +
                                                  std::to_string(int(maxValue)) + " but only " +
                                                  std::to_string(names.size()) + " labels are listed");
            }
            for (size_t k = 1; k < names.size(); ++k) {
                cv::Mat on = indices == static_cast<int>(k);
                if (cv::countNonZero(on) == 0) {
                    continue;
                }
                Instance instance;
                instance.label = names[k];
                instance.mask = on;
                out.labelIndex(names[k]);
                image.instances.push_back(std::move(instance));
            }
            out.images.push_back(std::move(image));
        } catch (const Error& e) {
            fileError(in.string() + ": " + pngRel + ": " + e.what());
        }
        reportProgress(i + 1, listed.size());
    }
    return true;
}

}  // namespace pm
