#ifndef NIANBAO_CXLSXWRITER_SHIM_H
#define NIANBAO_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>

/* Sets the workbook's title and author in its document properties (libxlsxwriter copies the strings). */
static inline lxw_error nb_workbook_set_title(lxw_workbook *workbook, const char *title, const char *author) {
    lxw_doc_properties properties = {0};
    properties.title = (char *)title;
    properties.author = (char *)author;
    return workbook_set_properties(workbook, &properties);
}

#endif
