#include "model/PromptCombiner.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <opencv2/imgproc.hpp>

#include "model/PromptTemplates.h"

namespace pm {

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// A weighted set of distinct prompts whose embeddings are summed into one row.
struct Group {
    std::vector<std::pair<size_t, double>> terms;  // (index into the distinct prompts, weight)
};

// Collects the distinct prompts of all groups (keyed by describe()), so each is embedded once.
class PromptTable {
public:
    size_t add(const Prompt& p) {
        const std::string key = p.describe();
        if (const auto it = index_.find(key); it != index_.end()) {
            return it->second;
        }
        prompts_.push_back(p);
        return index_[key] = prompts_.size() - 1;
    }
    const std::vector<Prompt>& prompts() const { return prompts_; }

private:
    std::vector<Prompt> prompts_;
    std::map<std::string, size_t> index_;
};

// The distinct prompts one member stands for: a text through its template set, an exemplar itself.
std::vector<size_t> expand(const Prompt& p, const std::string& templateSet, PromptTable& table) {
    if (p.isVisual()) {
        return {table.add(p)};
    }
    std::vector<size_t> out;
    for (const std::string& text : PromptTemplates::expand(templateSet, p.text)) {
        out.push_back(table.add(Prompt::fromText(text)));
    }
    return out;
}

// Uniform weights over a set of distinct indices (duplicates count once).
void addUniform(Group& g, std::vector<size_t> indices, double total) {
    std::sort(indices.begin(), indices.end());
    indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
    for (const size_t i : indices) {
        g.terms.emplace_back(i, total / double(indices.size()));
    }
}

Group positiveGroup(const CombinedPrompt& c, PromptTable& table) {
    std::vector<size_t> texts;
    std::vector<size_t> visuals;
    for (const Prompt& m : c.members) {
        const std::vector<size_t> ids = expand(m, c.templateSet, table);
        (m.isVisual() ? visuals : texts)
            .insert((m.isVisual() ? visuals : texts).end(), ids.begin(), ids.end());
    }
    Group g;
    if (c.mix) {
        addUniform(g, texts, *c.mix);
        addUniform(g, visuals, 1.0 - *c.mix);
    } else {
        std::vector<size_t> all = texts;
        all.insert(all.end(), visuals.begin(), visuals.end());
        addUniform(g, all, 1.0);
    }
    return g;
}

cv::Mat sigmoidResized(const cv::Mat& logits, cv::Size size) {
    cv::Mat prob(logits.size(), CV_32F);
    for (int y = 0; y < logits.rows; ++y) {
        const float* in = logits.ptr<float>(y);
        float* o = prob.ptr<float>(y);
        for (int x = 0; x < logits.cols; ++x) {
            o[x] = 1.0f / (1.0f + std::exp(-in[x]));
        }
    }
    if (prob.size() != size) {
        cv::Mat resized;
        cv::resize(prob, resized, size, 0, 0, cv::INTER_LINEAR);
        return resized;
    }
    return prob;
}

}  // namespace

cv::Mat PromptCombiner::applyNegatives(const cv::Mat& positiveLogits,
                                       const std::vector<cv::Mat>& negativeLogits, double strength) {
    if (negativeLogits.empty() || strength <= 0.0) {
        return positiveLogits.clone();
    }
    const double floor = SegmentationResult::kUnusablePromptLogit;
    cv::Mat out(positiveLogits.size(), CV_32F);
    for (int y = 0; y < out.rows; ++y) {
        const float* pos = positiveLogits.ptr<float>(y);
        float* o = out.ptr<float>(y);
        for (int x = 0; x < out.cols; ++x) {
            float maxNeg = -INFINITY;
            for (const cv::Mat& n : negativeLogits) {
                maxNeg = std::max(maxNeg, n.ptr<float>(y)[x]);
            }
            const double factor = 1.0 - strength / (1.0 + std::exp(-double(maxNeg)));
            if (factor <= 0.0) {
                o[x] = float(floor);
                continue;
            }
            // log p = log sigmoid(l) + log factor, in a form that neither overflows nor loses small p.
            const double l = pos[x];
            const double logSig = l >= 0 ? -std::log1p(std::exp(-l)) : l - std::log1p(std::exp(l));
            const double logP = logSig + std::log(factor);
            const double logit = logP - std::log1p(-std::exp(logP));
            o[x] = float(std::max(floor, logit));
        }
    }
    return out;
}

SegmentationResult PromptCombiner::segment(Segmenter& segmenter, const std::string& imagePath,
                                           const std::vector<CombinedPrompt>& prompts,
                                           const CancelToken* cancel) {
    PreparedImage unprepared;  // no pixels: segmentPrepared() segments by path
    unprepared.path = imagePath;
    return segment(segmenter, unprepared, prompts, cancel);
}

SegmentationResult PromptCombiner::segment(Segmenter& segmenter, const PreparedImage& image,
                                           const std::vector<CombinedPrompt>& prompts,
                                           const CancelToken* cancel) {
    const std::string& imagePath = image.path;
    bool allSingle = true;
    for (const CombinedPrompt& c : prompts) {
        c.validate();
        allSingle = allSingle && c.isSingle();
    }
    if (allSingle) {
        std::vector<Prompt> plain;
        for (const CombinedPrompt& c : prompts) {
            plain.push_back(c.members.front());
        }
        return segmenter.segmentPrepared(image, plain, cancel);
    }

    // Rows to decode: one per combined prompt, then one per distinct negative.
    PromptTable table;
    std::vector<Group> positives;
    std::vector<Group> negatives;
    std::map<std::string, size_t> negativeIndex;  // negative's key (template set + prompt) -> row
    std::vector<std::vector<size_t>> negativesOf(prompts.size());
    for (size_t i = 0; i < prompts.size(); ++i) {
        const CombinedPrompt& c = prompts[i];
        positives.push_back(positiveGroup(c, table));
        for (const Prompt& n : c.negatives) {
            const std::string key = c.templateSet + "\n" + n.describe();
            auto it = negativeIndex.find(key);
            if (it == negativeIndex.end()) {
                Group g;
                addUniform(g, expand(n, c.templateSet, table), 1.0);
                negatives.push_back(g);
                it = negativeIndex.emplace(key, negatives.size() - 1).first;
            }
            negativesOf[i].push_back(it->second);
        }
    }

    SegmentationResult result;
    auto start = Clock::now();
    const PromptEmbeddings emb = segmenter.embedPrompts(table.prompts(), cancel);
    const double embedMs = msSince(start);
    const size_t dim = size_t(emb.embeddings.dim(1));
    const auto groupError = [&](const Group& g) {
        std::string why;
        for (const auto& [index, weight] : g.terms) {
            if (!emb.errors[index].empty()) {
                why += (why.empty() ? "" : "; ") + emb.errors[index];
            }
        }
        return why;
    };

    // Combined embeddings of the usable groups, in row order; row[g] = -1 for an unusable group.
    std::vector<const Group*> groups;
    for (const Group& g : positives) {
        groups.push_back(&g);
    }
    for (const Group& g : negatives) {
        groups.push_back(&g);
    }
    FloatTensor cond;
    std::vector<long> rowOf(groups.size(), -1);
    std::vector<std::string> groupErrors(groups.size());
    long rows = 0;
    for (size_t g = 0; g < groups.size(); ++g) {
        groupErrors[g] = groupError(*groups[g]);
        if (!groupErrors[g].empty()) {
            continue;
        }
        std::vector<double> sum(dim, 0.0);
        for (const auto& [index, weight] : groups[g]->terms) {
            const float* e = emb.embeddings.data.data() + index * dim;
            for (size_t k = 0; k < dim; ++k) {
                sum[k] += weight * double(e[k]);
            }
        }
        cond.data.insert(cond.data.end(), sum.begin(), sum.end());
        rowOf[g] = rows++;
    }
    cond.shape = {rows, int64_t(dim)};
    CancelToken::check(cancel);

    const DecodedEmbeddings decoded = segmenter.decodeEmbeddings(imagePath, cond, cancel);
    result.imageSize = decoded.imageSize;
    result.timings = decoded.timings;
    result.timings.encodePromptsMs = embedMs;
    const int s = decoded.logits.shape.size() == 3 ? int(decoded.logits.shape[1]) : 352;
    const auto rowMat = [&](long row) {
        return cv::Mat(s, s, CV_32F,
                       const_cast<float*>(decoded.logits.data.data()) + size_t(row) * size_t(s) * size_t(s));
    };

    start = Clock::now();
    for (size_t i = 0; i < prompts.size(); ++i) {
        std::string why = groupErrors[i];
        std::vector<cv::Mat> negativeMaps;
        for (const size_t n : negativesOf[i]) {
            const size_t g = positives.size() + n;
            if (!groupErrors[g].empty()) {
                why += (why.empty() ? "negative: " : "; negative: ") + groupErrors[g];
            } else {
                negativeMaps.push_back(rowMat(rowOf[g]));
            }
        }
        std::vector<std::string> warnings;
        for (const auto& [index, weight] : positives[i].terms) {
            warnings.insert(warnings.end(), emb.warnings[index].begin(), emb.warnings[index].end());
        }
        result.warnings.insert(result.warnings.end(), warnings.begin(), warnings.end());
        result.promptWarnings.push_back(warnings);
        result.promptErrors.push_back(why);
        if (!why.empty()) {
            result.logits.emplace_back(s, s, CV_32F, cv::Scalar(SegmentationResult::kUnusablePromptLogit));
            result.probabilities.push_back(cv::Mat::zeros(result.imageSize, CV_32F));
            continue;
        }
        const cv::Mat logits = applyNegatives(rowMat(rowOf[i]), negativeMaps, prompts[i].negativeStrength);
        result.logits.push_back(logits);
        result.probabilities.push_back(sigmoidResized(logits, result.imageSize));
    }
    result.timings.postprocessMs = msSince(start);
    return result;
}

}  // namespace pm
