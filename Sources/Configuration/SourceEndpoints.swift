import Fetching
import Foundation

extension Configuration {
    /// The host and port of every http(s) source of `units`: their report URLs, listings and URL templates (a
    /// template whose host holds `{year}` for each of `years`).
    static func sourceEndpoints(of units: [UnitConfiguration], years: ClosedRange<Int>) -> Set<Endpoint> {
        var urls: [String] = []
        for unit in units {
            urls += unit.reports.values
            if let listing = unit.listing { urls.append(listing) }
            guard let template = unit.urlTemplate else { continue }
            let forYears = authority(of: template).contains("{year}") ? Array(years) : [years.lowerBound]
            urls += forYears.map { template.replacingOccurrences(of: "{year}", with: String($0)) }
        }
        return Set(urls.compactMap(Endpoint.init(url:)))
    }

    /// The part of a URL between "://" and the path.
    private static func authority(of url: String) -> Substring {
        guard let start = url.range(of: "://")?.upperBound else { return "" }
        let rest = url[start...]
        return rest[..<(rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex)]
    }

    /// What a fetch may reach on a non-public address: only the configured sources' hosts and ports.
    public var privateAddressRule: PrivateAddressRule { .onlyAt(sourceEndpoints) }
}

extension ConfigurationReader {
    /// Whether `file` lies in the config file's folder or below it, links resolved (a `..` or a link out of the
    /// folder leads outside).
    func isInConfigFolder(_ file: URL) -> Bool {
        let folder = directory.resolvingSymlinksInPath().standardizedFileURL.path
        let path = file.resolvingSymlinksInPath().standardizedFileURL.path
        return path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }
}
