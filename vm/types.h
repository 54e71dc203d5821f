// Forward typedefs of the core structs, so headers can refer to each other without include
// cycles. Nothing else lives here.
#ifndef EMBER_VM_TYPES_H
#define EMBER_VM_TYPES_H

#include <stdint.h>

typedef uint64_t Term;
typedef struct Vm Vm;
typedef struct Process Process;
typedef struct Module Module;
typedef struct Function Function;
typedef struct Scheduler Scheduler;
typedef struct RefcBinary RefcBinary;

#endif
