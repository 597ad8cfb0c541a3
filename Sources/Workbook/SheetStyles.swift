import CXLSXWriter

/// The cell formats every sheet of a workbook shares.
struct SheetStyles {
    /// The title row: bold and large.
    let title: UnsafeMutablePointer<lxw_format>
    /// A block's caption: bold.
    let caption: UnsafeMutablePointer<lxw_format>
    /// The header row: bold on grey, wrapped, boxed.
    let header: UnsafeMutablePointer<lxw_format>
    /// A data cell, text or number: boxed.
    let cell: UnsafeMutablePointer<lxw_format>
    /// A note under the table: grey italics.
    let note: UnsafeMutablePointer<lxw_format>

    /// Adds the formats to `workbook`.
    init(_ workbook: UnsafeMutablePointer<lxw_workbook>) {
        let thin = UInt8(LXW_BORDER_THIN.rawValue)
        title = workbook_add_format(workbook)
        format_set_bold(title)
        format_set_font_size(title, 14)
        caption = workbook_add_format(workbook)
        format_set_bold(caption)
        format_set_font_size(caption, 12)
        header = workbook_add_format(workbook)
        format_set_bold(header)
        format_set_text_wrap(header)
        format_set_align(header, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        format_set_bg_color(header, 0xD9D9D9)
        format_set_border(header, thin)
        cell = workbook_add_format(workbook)
        format_set_border(cell, thin)
        note = workbook_add_format(workbook)
        format_set_italic(note)
        format_set_font_color(note, 0x595959)
    }
}
