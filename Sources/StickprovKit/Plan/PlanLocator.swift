import Foundation

/// Finds the plan folder a command works on.
public enum PlanLocator {
    /// The folder named by `--plan`, else the current folder if it holds plan.json,
    /// else the only plan under `./Plans/` (so the bundled example works from the
    /// repository root), else the current folder (whose missing plan is then reported).
    public static func resolve(explicit: String?, currentDirectory: String) -> String {
        if let explicit { return explicit }
        if PlanFile.exists(in: currentDirectory) { return "." }
        let found = plans(under: currentDirectory)
        if found.count == 1 { return found[0] }
        return "."
    }

    /// The plan folders under `./Plans` of `currentDirectory`, as `Plans/<name>`, sorted.
    public static func plans(under currentDirectory: String) -> [String] {
        let plans = currentDirectory + "/Plans"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: plans)) ?? []
        return names.sorted().filter { PlanFile.exists(in: plans + "/" + $0) }.map { "Plans/" + $0 }
    }

    /// Where a default output file (a worksheet) goes when the user gives none: the current
    /// folder, unless that is the plan folder or inside it — then beside the plan's `Plans`
    /// folder (or beside the plan folder when it is not under one), so the tool never refuses
    /// its own default. The answer is the file's path, relative (`../../urval-K3-1.xlsx`) when
    /// the folder is above the current one.
    public static func defaultOutputPath(_ name: String, currentDirectory: String, planDirectory: String) -> String {
        guard isInsidePlan(currentDirectory, planDirectory: planDirectory) else { return name }
        let base = URL(fileURLWithPath: currentDirectory + "/")
        let plan = URL(fileURLWithPath: planDirectory, relativeTo: base).standardizedFileURL.resolvingSymlinksInPath()
        var folder = plan.deletingLastPathComponent()
        if folder.lastPathComponent == "Plans" { folder = folder.deletingLastPathComponent() }
        let here = base.standardizedFileURL.resolvingSymlinksInPath().path
        let there = folder.path
        guard here.hasPrefix(there.hasSuffix("/") ? there : there + "/") else { return there + "/" + name }
        let depth = here.dropFirst(there.count).split(separator: "/").count
        return String(repeating: "../", count: depth) + name
    }

    /// Whether `folder` is the plan folder or inside it, following symbolic links.
    ///
    /// Worksheets and log extracts hold personal data; they never go where the plan
    /// (which may be shared or committed) lives.
    public static func isInsidePlan(_ folder: String, planDirectory: String) -> Bool {
        func resolved(_ path: String) -> String {
            URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        }
        let target = resolved(folder)
        let plan = resolved(planDirectory)
        return target == plan || target.hasPrefix(plan.hasSuffix("/") ? plan : plan + "/")
    }
}
