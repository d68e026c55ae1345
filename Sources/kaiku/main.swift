import Foundation
import KaikuWeb
import NIOCore
import NIOPosix

// Swift's tasks run on the event loops that serve the sockets: an answer then
// stays on one thread from its request to its reply instead of hopping between
// Swift's task pool and the loops at every await (BENCHMARKS.md, ingest).
// Installed before the first task of the command starts.
NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()

// Everything, errors included, is the command line's; this only exits with its status.
exit(await KaikuCommandLine.main())
