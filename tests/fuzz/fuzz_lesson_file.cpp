// Fuzzes the lesson-file reader and validator (`ksim lesson validate`): any
// lesson.json gets a lesson or an error naming the field, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "shell/lessons/lesson.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    ksim::lessons::parse_lesson(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz-lesson");
    return 0;
}
