/* err.c — the error table (dt_strerror) and helpers that fill dt_error details. */
#include "util.h"

#include <stdio.h>

const char *dt_strerror(int code)
{
    switch (code) {
    case DT_OK: return "ok";
    case DT_ENOMEM: return "out of memory";
    case DT_EIO: return "input/output error";
    case DT_EPARSE: return "malformed input";
    case DT_EINVAL: return "invalid argument";
    case DT_ELIMIT: return "size limit exceeded";
    case DT_ENOTFOUND: return "not found";
    case DT_EUTF8: return "invalid UTF-8";
    case DT_EDATE: return "invalid date";
    case DT_EDB: return "database error";
    case DT_EVERSION: return "made by a newer version";
    case DT_ENET: return "network error";
    case DT_EFORMAT: return "unknown or unsupported format";
    case DT_ENOLIB: return "a shared library it needs is not installed";
    default: return "unknown error";
    }
}

static void err_fill(dt_error *e, int code, const char *file, long line, long col,
                     long long offset, const char *fmt, va_list ap)
{
    e->code = code;
    snprintf(e->file, sizeof(e->file), "%s", file ? file : "");
    e->line = line;
    e->column = col;
    e->offset = offset;
    vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
}

void err_set(dt_error *e, int code, const char *file, long line, long col, const char *fmt, ...)
{
    if (!e)
        return;
    va_list ap;
    va_start(ap, fmt);
    err_fill(e, code, file, line, col, -1, fmt, ap);
    va_end(ap);
}

void diag_emit(dt_diag_fn fn, void *user, int code, const char *file, long line, long col,
               long long offset, const char *fmt, ...)
{
    if (!fn)
        return;
    dt_error e;
    va_list ap;
    va_start(ap, fmt);
    err_fill(&e, code, file, line, col, offset, fmt, ap);
    va_end(ap);
    fn(user, &e);
}

void dt_error_format(const dt_error *e, char *out, size_t cap)
{
    if (!cap)
        return;
    if (!e) {
        snprintf(out, cap, "(no detail)");
        return;
    }
    const char *msg = e->msg[0] ? e->msg : dt_strerror(e->code);
    if (!e->file[0])
        snprintf(out, cap, "%s", msg);
    else if (e->line > 0 && e->column > 0)
        snprintf(out, cap, "%s:%ld:%ld: %s", e->file, e->line, e->column, msg);
    else if (e->line > 0)
        snprintf(out, cap, "%s:%ld: %s", e->file, e->line, msg);
    else if (e->offset >= 0)
        snprintf(out, cap, "%s: byte %lld: %s", e->file, e->offset, msg);
    else
        snprintf(out, cap, "%s: %s", e->file, msg);
}
