internal import CCurl

/// The one check of libcurl's answers to setting options: an option it refuses (a value out of range, a libcurl
/// too old to know it, no memory) fails the transfer in plain words, rather than letting it run without it.
enum CurlOption {
    /// Throws unless `code`, libcurl's answer to setting `option` on the transfer of `url`, is CURLE_OK.
    static func check(_ code: CURLcode, _ option: CURLoption, url: String) throws(FetchError) {
        guard code != CURLE_OK else { return }
        let name =
            curl_easy_option_by_id(option)?.pointee.name.map { String(cString: $0) } ?? "option \(option.rawValue)"
        throw FetchError(
            kind: .other, curlCode: Int(code.rawValue),
            message: "libcurl refused CURLOPT_\(name): \(String(cString: curl_easy_strerror(code)))", url: url)
    }

    /// nil when `code`, libcurl's answer to setting the multi handle's option `name`, is CURLM_OK; else why not.
    static func problem(_ code: CURLMcode, _ name: String) -> String? {
        code == CURLM_OK ? nil : "libcurl refused \(name): \(String(cString: curl_multi_strerror(code)))"
    }
}
