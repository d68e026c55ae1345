import Foundation
import KaikuWeb

// Everything, errors included, is the command line's; this only exits with its status.
exit(await KaikuCommandLine.main())
