import Foundation

/// The places where two plans differ, as plan.json paths (`risks[0].controls[2].responsible`),
/// for an amendment's record.
public enum PlanDiff {
    /// The differing paths, in document order; a list that grew or shrank is named as a whole
    /// with its new length (`risks[0].controls (3 → 4)`).
    public static func changes(from old: ControlPlan, to new: ControlPlan) -> [String] {
        guard let a = try? JSONSerialization.jsonObject(with: PlanFile.encode(old)),
            let b = try? JSONSerialization.jsonObject(with: PlanFile.encode(new))
        else { return [] }
        var paths: [String] = []
        compare(a, b, path: "", into: &paths)
        return paths
    }

    private static func compare(_ a: Any?, _ b: Any?, path: String, into paths: inout [String]) {
        switch (a, b) {
        case (let a as [String: Any], let b as [String: Any]):
            for key in Set(a.keys).union(b.keys).sorted() {
                compare(a[key], b[key], path: path.isEmpty ? key : "\(path).\(key)", into: &paths)
            }
        case (let a as [Any], let b as [Any]) where a.count == b.count:
            for index in a.indices { compare(a[index], b[index], path: "\(path)[\(index)]", into: &paths) }
        case (let a as [Any], let b as [Any]):
            paths.append("\(path) (\(a.count) → \(b.count))")
        default:
            if !same(a, b) { paths.append(path) }
        }
    }

    private static func same(_ a: Any?, _ b: Any?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let a as NSObject, let b as NSObject): a.isEqual(b)
        default: false
        }
    }
}
