import CLibXML2
import Foundation

/// Small readers over the nodes of a libxml2 tree (a Word document's or a workbook's XML).
public enum LibXMLNode {
    /// The element's local name, without its namespace prefix (`w:p` is `p`).
    public static func name(_ node: xmlNodePtr) -> String {
        guard let name = node.pointee.name else { return "" }
        return String(cString: name)
    }

    /// An attribute's value by local name, whatever its namespace prefix (`w:val` is found as `val`).
    public static func localAttribute(_ node: xmlNodePtr, _ name: String) -> String? {
        var property = node.pointee.properties
        while let current = property {
            if let attributeName = current.pointee.name, String(cString: attributeName) == name {
                guard let value = xmlNodeListGetString(node.pointee.doc, current.pointee.children, 1) else { return "" }
                defer { free(value) }
                return String(cString: value)
            }
            property = current.pointee.next
        }
        return nil
    }

    /// The text below a node: its text and CDATA contents in order.
    public static func text(_ node: xmlNodePtr) -> String {
        var out: [UInt8] = []
        append(node.pointee.children, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func append(_ start: xmlNodePtr?, to out: inout [UInt8]) {
        var node = start
        while let current = node {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    out.append(
                        contentsOf: UnsafeBufferPointer(
                            start: content, count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
                        ))
                }
            case XML_ELEMENT_NODE:
                append(current.pointee.children, to: &out)
            default:
                break
            }
            node = current.pointee.next
        }
    }

    /// Element children of a node with one of `names`, in order.
    public static func children(_ node: xmlNodePtr, named names: Set<String>) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE && names.contains(name(current)) { result.append(current) }
            child = current.pointee.next
        }
        return result
    }
}
