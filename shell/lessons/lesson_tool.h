// `ksim lesson ...`, `ksim check ...` and `ksim grade ...`: the lesson commands of the ksim executable.
#pragma once

namespace ksim::lessons {

// Whether argv names one of the lesson commands.
bool is_lesson_command(int argc, char** argv);
int run_lesson_command(int argc, char** argv);

} // namespace ksim::lessons
