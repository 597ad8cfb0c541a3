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

/* Lets the cells of one column, rows first_row to last_row, take only the values of the NULL-terminated `values`,
   chosen from a drop-down list (libxlsxwriter copies the list). */
static inline lxw_error nb_worksheet_list_validation(lxw_worksheet *worksheet, lxw_row_t first_row, lxw_row_t last_row,
                                                     lxw_col_t column, const char **values) {
    lxw_data_validation validation = {0};
    validation.validate = LXW_VALIDATION_TYPE_LIST;
    validation.value_list = values;
    return worksheet_data_validation_range(worksheet, first_row, column, last_row, column, &validation);
}

#endif
