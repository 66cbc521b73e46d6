import Foundation

/// Finds the plan folder a command works on.
public enum PlanLocator {
    /// The folder named by `--plan`, else the current folder if it holds plan.json,
    /// else the only plan under `./Plans/` (so the bundled example works from the
    /// repository root), else the current folder (whose missing plan is then reported).
    public static func resolve(explicit: String?, currentDirectory: String) -> String {
        if let explicit { return explicit }
        if PlanFile.exists(in: currentDirectory) { return "." }
        let plans = currentDirectory + "/Plans"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: plans)) ?? []
        let found = names.sorted().filter { PlanFile.exists(in: plans + "/" + $0) }
        if found.count == 1 { return "Plans/" + found[0] }
        return "."
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
