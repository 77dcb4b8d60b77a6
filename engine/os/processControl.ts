// Host-level control flow of the simulated processes (os._exit, a process giving the host stack
// back): thrown through the evaluation loop, never turned into Python exceptions, so no Python
// handler or finally block of the process that ends or pauses runs. A leaf module, so the
// evaluation loop can recognise these without importing the process layer.
export class ProcessControl {}
