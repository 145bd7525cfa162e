// The one translation unit that includes LibTorch (it takes ~18 s to compile; keep it that way).
#include "model/ClipSegRuntime.h"

#include <torch/csrc/jit/api/module.h>
#include <torch/csrc/jit/passes/freeze_module.h>
#include <torch/csrc/jit/passes/frozen_graph_optimizations.h>
#include <torch/csrc/jit/passes/frozen_linear_transpose.h>
#include <torch/csrc/jit/runtime/graph_executor.h>
#include <torch/script.h>

#include <ATen/Parallel.h>
#include <cstring>
#include <thread>

#include "util/Error.h"

namespace pm {

namespace {

const char* const kMethods[] = {"encode_image", "embed_image", "encode_text", "decode"};

// c10::Error messages carry a C++ backtrace after the first line; users need the first line only.
std::string firstLine(const std::string& text) {
    const auto nl = text.find('\n');
    return nl == std::string::npos ? text : text.substr(0, nl);
}

FloatTensor toFloatTensor(const at::Tensor& tensor) {
    const at::Tensor t = tensor.to(at::kFloat).contiguous();
    FloatTensor out;
    out.shape.assign(t.sizes().begin(), t.sizes().end());
    out.data.resize(size_t(t.numel()));
    if (t.numel() > 0) {
        std::memcpy(out.data.data(), t.data_ptr<float>(), out.data.size() * sizeof(float));
    }
    return out;
}

at::Tensor fromFloatTensor(const FloatTensor& host) {
    if (FloatTensor::count(host.shape) != int64_t(host.data.size())) {
        throw Error(ErrorKind::Input, "tensor data does not match its shape");
    }
    return torch::from_blob(const_cast<float*>(host.data.data()), host.shape, at::kFloat).clone();
}

}  // namespace

struct ImageActivations::Impl {
    std::vector<at::Tensor> layers;
    size_t bytes = 0;
};

ImageActivations::ImageActivations(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ImageActivations::~ImageActivations() = default;

size_t ImageActivations::bytes() const {
    return impl_->bytes;
}

std::vector<FloatTensor> ImageActivations::toHost() const {
    std::vector<FloatTensor> out;
    for (const at::Tensor& t : impl_->layers) {
        out.push_back(toFloatTensor(t));
    }
    return out;
}

std::shared_ptr<const ImageActivations> ImageActivations::fromHost(const std::vector<FloatTensor>& layers) {
    auto impl = std::make_unique<Impl>();
    for (const FloatTensor& layer : layers) {
        impl->layers.push_back(fromFloatTensor(layer));
        impl->bytes += layer.data.size() * sizeof(float);
    }
    return std::shared_ptr<const ImageActivations>(new ImageActivations(std::move(impl)));
}

struct ClipSegRuntime::Impl {
    std::string modelName;  // "…/model.pt", for messages
    int inputSize = 0;
    int threads = 1;
    mutable torch::jit::Module module;

    // Runs one method, turning LibTorch failures into pm::Error naming the file and method.
    c10::IValue call(const char* method, std::vector<c10::IValue> inputs) const {
        try {
            c10::InferenceMode guard;
            return module.get_method(method)(std::move(inputs));
        } catch (const c10::Error& e) {
            throw Error(ErrorKind::Model,
                        modelName + ": " + method + " failed: " + firstLine(e.what_without_backtrace()));
        } catch (const std::exception& e) {
            throw Error(ErrorKind::Model, modelName + ": " + method + " failed: " + firstLine(e.what()));
        }
    }

    at::Tensor pixels(const std::vector<float>& values, int count, const char* what) const {
        const size_t per = size_t(3) * size_t(inputSize) * size_t(inputSize);
        if (count <= 0 || values.size() != per * size_t(count)) {
            throw Error(ErrorKind::Input, std::string(what) + ": expected " + std::to_string(count) +
                                              " x [3," + std::to_string(inputSize) + "," +
                                              std::to_string(inputSize) + "] pixel values, got " +
                                              std::to_string(values.size()) + " floats");
        }
        return torch::from_blob(const_cast<float*>(values.data()), {count, 3, inputSize, inputSize},
                                at::kFloat);
    }
};

ClipSegRuntime::ClipSegRuntime(const std::filesystem::path& modelFile, int inputSize,
                               const RuntimeOptions& options)
    : impl_(std::make_unique<Impl>()) {
    impl_->modelName = modelFile.string();
    impl_->inputSize = inputSize;
    int threads = options.threads;
    if (threads <= 0) {
        threads = int(std::thread::hardware_concurrency());
    }
    impl_->threads = std::max(1, threads);
    // LibTorch counts physical cores and defaults to 1 thread on these machines: set it explicitly.
    at::set_num_threads(impl_->threads);
    try {
        if (options.quantizedInt8) {
            // Dynamic int8 Linear weights are repacked for the engine at load time: choose it first.
            const auto& engines = at::globalContext().supportedQEngines();
            const bool onednn =
                std::find(engines.begin(), engines.end(), at::QEngine::ONEDNN) != engines.end();
            at::globalContext().setQEngine(onednn ? at::QEngine::ONEDNN : at::QEngine::QNNPACK);
        }
        torch::jit::getExecutorMode() = options.profilingExecutor;
        torch::jit::getProfilingMode() = options.profilingExecutor;
        impl_->module = torch::jit::load(impl_->modelName, c10::kCPU);
        impl_->module.eval();
        if (options.freeze) {
            // torch::jit::freeze() optimises only `forward`, which a bundle has not got (it threw):
            // freeze keeping the four methods, then optimise each method's graph.
            impl_->module = torch::jit::freeze_module(
                impl_->module, std::vector<std::string>(std::begin(kMethods), std::end(kMethods)));
            for (const char* method : kMethods) {
                std::shared_ptr<torch::jit::Graph> graph = impl_->module.get_method(method).graph();
                torch::jit::OptimizeFrozenGraph(graph, true);
                // Linear weights stored transposed (a plain matmul per call). Only where no other
                // method holds the same weights: encode_image and embed_image would each get a copy.
                if (std::strcmp(method, "encode_text") == 0 || std::strcmp(method, "decode") == 0) {
                    torch::jit::FrozenLinearTranspose(graph);
                }
            }
        }
    } catch (const c10::Error& e) {
        throw Error(ErrorKind::Model, impl_->modelName + ": cannot load TorchScript module: " +
                                          firstLine(e.what_without_backtrace()));
    } catch (const std::exception& e) {
        throw Error(ErrorKind::Model,
                    impl_->modelName + ": cannot load TorchScript module: " + firstLine(e.what()));
    }
    for (const char* method : kMethods) {
        if (!impl_->module.find_method(method)) {
            throw Error(ErrorKind::Model, impl_->modelName + ": TorchScript module has no method " + method +
                                              " (not a PromptMask CLIPSeg bundle module)");
        }
    }
}

ClipSegRuntime::~ClipSegRuntime() = default;

int ClipSegRuntime::inputSize() const {
    return impl_->inputSize;
}
int ClipSegRuntime::threads() const {
    return impl_->threads;
}

std::shared_ptr<const ImageActivations> ClipSegRuntime::encodeImage(
    const std::vector<float>& pixelValues) const {
    const at::Tensor input = impl_->pixels(pixelValues, 1, "encode_image");
    const c10::IValue out = impl_->call("encode_image", {input});
    auto impl = std::make_unique<ImageActivations::Impl>();
    try {
        for (const c10::IValue& v : out.toListRef()) {
            at::Tensor t = v.toTensor();
            impl->bytes += size_t(t.numel()) * t.element_size();
            impl->layers.push_back(std::move(t));
        }
    } catch (const c10::Error& e) {
        throw Error(ErrorKind::Model, impl_->modelName + ": encode_image returned no list of tensors");
    }
    return std::shared_ptr<const ImageActivations>(new ImageActivations(std::move(impl)));
}

FloatTensor ClipSegRuntime::embedImages(const std::vector<float>& pixelValues, int count) const {
    const at::Tensor input = impl_->pixels(pixelValues, count, "embed_image");
    const c10::IValue out = impl_->call("embed_image", {input});
    if (!out.isTensor()) {
        throw Error(ErrorKind::Model, impl_->modelName + ": embed_image returned no tensor");
    }
    return toFloatTensor(out.toTensor());
}

FloatTensor ClipSegRuntime::encodeText(const std::vector<int64_t>& ids,
                                       const std::vector<int64_t>& attentionMask, int rows, int cols) const {
    const size_t n = size_t(rows) * size_t(cols);
    if (rows <= 0 || cols <= 0 || ids.size() != n || attentionMask.size() != n) {
        throw Error(ErrorKind::Input, "encode_text: token batch does not match its shape [" +
                                          std::to_string(rows) + "," + std::to_string(cols) + "]");
    }
    const at::Tensor idTensor = torch::from_blob(const_cast<int64_t*>(ids.data()), {rows, cols}, at::kLong);
    const at::Tensor maskTensor =
        torch::from_blob(const_cast<int64_t*>(attentionMask.data()), {rows, cols}, at::kLong);
    const c10::IValue out = impl_->call("encode_text", {idTensor, maskTensor});
    if (!out.isTensor()) {
        throw Error(ErrorKind::Model, impl_->modelName + ": encode_text returned no tensor");
    }
    return toFloatTensor(out.toTensor());
}

FloatTensor ClipSegRuntime::decode(const ImageActivations& activations,
                                   const FloatTensor& conditional) const {
    if (conditional.shape.size() != 2 || conditional.shape[0] <= 0) {
        throw Error(ErrorKind::Input, "decode: conditional embeddings must be [N,P] with N >= 1");
    }
    c10::List<at::Tensor> layers;
    for (const at::Tensor& t : activations.impl_->layers) {
        layers.push_back(t);
    }
    const c10::IValue out = impl_->call("decode", {layers, fromFloatTensor(conditional)});
    if (!out.isTensor()) {
        throw Error(ErrorKind::Model, impl_->modelName + ": decode returned no tensor");
    }
    return toFloatTensor(out.toTensor());
}

}  // namespace pm
