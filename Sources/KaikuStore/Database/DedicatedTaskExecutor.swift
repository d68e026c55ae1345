import NIOCore
import NIOPosix

/// One thread of its own for tasks that prefer it
/// (`Task(executorPreference:)`): the group-commit writer runs its
/// transactions there, so a commit's fsync and a WAL checkpoint never hold
/// an event loop, and the statements of one commit follow each other on one
/// thread instead of crossing between threads at each of them.
public final class DedicatedTaskExecutor: TaskExecutor, @unchecked Sendable {
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private let loop: any EventLoop

    public init() {
        loop = group.next()
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }

    /// Stops the thread; tasks still preferring it must have finished.
    public func shutdown() async {
        try? await group.shutdownGracefully()
    }
}
