#pragma once

#include <string>

namespace pm::test {

// Loads a TorchScript module and runs forward(ones(1, 4)); returns the sum of the output. Kept in its own
// translation unit so that Qt headers never meet torch headers (the `slots` clash).
double runTorchScript(const std::string& path);

}  // namespace pm::test
