extension QRCode {
    /// The symbol as a standalone SVG document (also valid inline in HTML).
    ///
    /// Coordinates are in modules (the viewBox), so the drawing stays sharp
    /// at any print size; `moduleSize` only sets the default width and height.
    ///
    /// - Parameters:
    ///   - moduleSize: default rendered pixels per module; values below 1 are treated as 1.
    ///   - border: quiet zone in modules on each side; values below 0 are treated as 0.
    ///   - title: accessible name, shown as a tooltip and read by screen readers.
    public func svg(moduleSize: Int = 8, border: Int = 4, title: String? = nil) -> String {
        let moduleSize = max(1, moduleSize)
        let border = max(0, border)
        let modulesAcross = size + 2 * border
        let pixels = modulesAcross * moduleSize

        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\""
        svg += " width=\"\(pixels)\" height=\"\(pixels)\" viewBox=\"0 0 \(modulesAcross) \(modulesAcross)\""
        // crispEdges stops anti-aliasing seams between adjacent modules.
        svg += " role=\"img\" shape-rendering=\"crispEdges\">"
        if let title {
            svg += "<title>\(XMLText.escape(title))</title>"
        }
        // An explicit white background keeps the quiet zone light on dark
        // pages and in print, where "transparent" may not mean white.
        svg += "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
        svg += "<path fill=\"#000\" d=\"\(pathData(border: border))\"/>"
        svg += "</svg>"
        return svg
    }

    /// One subpath per horizontal run of dark modules: far fewer nodes than a
    /// square per module, and one `<path>` keeps the document small.
    private func pathData(border: Int) -> String {
        var data = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard isDark(x: x, y: y) else {
                    x += 1
                    continue
                }
                let start = x
                while x < size && isDark(x: x, y: y) { x += 1 }
                data += "M\(start + border) \(y + border)h\(x - start)v1h-\(x - start)z"
            }
        }
        return data
    }
}
