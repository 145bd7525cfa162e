#include "TorchScriptProbe.h"

#include <torch/script.h>

namespace pm::test {

double runTorchScript(const std::string& path) {
    torch::jit::Module module = torch::jit::load(path);
    module.eval();
    const torch::NoGradGuard noGrad;
    const at::Tensor out = module.forward({torch::ones({1, 4})}).toTensor();
    return out.sum().item<double>();
}

}  // namespace pm::test
