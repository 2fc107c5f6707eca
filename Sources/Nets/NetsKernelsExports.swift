// The activations and the hot loops live in NetsKernels (compiled with
// -Ounchecked); Nets' clients see them as part of Nets.
@_exported import NetsKernels
