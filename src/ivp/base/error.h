#pragma once
// Errors the user can act on. Every message is Dutch and names *where* the
// problem is (a JSON Pointer into the input, or a CLI argument), because the
// person reading it may have typed the file by hand.
#include <stdexcept>
#include <string>

namespace ivp {

class InputError : public std::runtime_error {
public:
    InputError(std::string where, const std::string& message)
        : std::runtime_error(message), where_(std::move(where)) {}
    // JSON Pointer ("/overrides/traplift/amount"), "" for the whole input.
    const std::string& where() const noexcept { return where_; }
    // "Fout in /overrides/traplift/amount: …" — the form the CLI prints.
    std::string describe() const {
        return where_.empty() ? std::string(what())
                              : "Fout in " + where_ + ": " + what();
    }

private:
    std::string where_;
};

// A fault in the embedded data (data/*.json): a bug of ours, not of the user.
// The build runs `ivp validate`, so this should never reach a user.
class DataError : public std::runtime_error {
public:
    DataError(std::string file, std::string where, const std::string& message)
        : std::runtime_error(file + " " + where + ": " + message), where_(std::move(where)), message_(message) {}
    // The parts, for a policy pack a user loads (src/ivp/eligibility/policy_pack.h): the
    // JSON Pointer in the file and the message without the file's name.
    const std::string& where() const noexcept { return where_; }
    const std::string& message() const noexcept { return message_; }

private:
    std::string where_;
    std::string message_;
};

// {"error":{"message":…,"where":…}} as compact JSON text: how every text
// entry (api/, the compiled rules' entries) reports an error as data.
std::string error_json_text(const std::string& message, const std::string& where);

}  // namespace ivp
