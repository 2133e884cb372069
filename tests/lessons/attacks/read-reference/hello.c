// Attack: builds the lesson's reference solution instead of its own work.
// attacks.sh puts the reference's absolute path in place of @REFERENCE@.
#include "@REFERENCE@"
