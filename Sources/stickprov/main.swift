import Foundation

// The whole CLI: run the command line, exit with its status (0 ok, 1 data, 2 usage).
exit(StickprovCLI.run(Array(CommandLine.arguments.dropFirst())))
