/*
 * check_contact: the contactguard C ABI in one small program.
 *
 *   check_contact [INPUT...]
 *
 * Checks each INPUT (a link, domain, phone number, handle or e-mail address; a few built-in
 * examples when none is given) against the registry compiled into the library, printing the
 * verdict and its JSON; scans a short chat message; shows how a refused registry file reads;
 * frees everything. Exits 0 when every call worked, 1 when one failed.
 *
 * Build (see README.md): cc check_contact.c -I ../../ffi/include \
 *     ../../target/debug/libcontactguard_ffi.a -lpthread -ldl -lm -o check_contact
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contactguard.h"

static const char *status_name(cg_status status) {
    switch (status) {
    case CG_STATUS_OFFICIAL:
        return "official";
    case CG_STATUS_UNKNOWN:
        return "unknown";
    case CG_STATUS_INVALID:
        return "invalid";
    case CG_STATUS_IMPERSONATION:
        return "impersonation";
    }
    return "unknown";
}

/* Prints the error, frees it, and returns 1 (the exit code for a failed call). */
static int fail(const char *what, cg_error *error) {
    fprintf(stderr, "check_contact: %s failed (code %d): %s\n", what, (int)cg_error_code(error),
            cg_error_message(error));
    cg_error_free(error);
    return 1;
}

/* Checks one input: the small struct, then the JSON. Returns 0, or 1 on a failed call. */
static int check_one(const cg_checker *checker, const char *input) {
    cg_error *error = NULL;
    cg_verdict *verdict = NULL;
    if (cg_check(checker, input, strlen(input), &verdict, &error) != CG_CODE_OK) {
        return fail("cg_check", error);
    }
    printf("check %s: %s", input, status_name(verdict->status));
    if (verdict->brand_id != NULL) {
        printf(", brand %s (%s)", verdict->brand_id, verdict->brand_name);
    }
    if (verdict->technique != NULL) {
        printf(", technique %s", verdict->technique);
    }
    printf("\n");
    if (verdict->message != NULL) {
        printf("  message: %s\n", verdict->message);
    }
    if (verdict->status != CG_STATUS_OFFICIAL && verdict->official_channel != NULL) {
        printf("  use instead: %s\n", verdict->official_channel);
    }
    cg_verdict_free(verdict);

    char *json = NULL;
    if (cg_check_json(checker, input, strlen(input), &json, &error) != CG_CODE_OK) {
        return fail("cg_check_json", error);
    }
    printf("  json: %s\n", json);
    cg_string_free(json);
    return 0;
}

int main(int argc, char **argv) {
    static const char *const examples[] = {
        "tokenpocket.pro",         /* official */
        "tokenp0cket.pro",         /* a digit zero for the letter o */
        "TP钱包客服 400-123-4567", /* TokenPocket has no phone line at all */
        "example.org",             /* nobody in the registry: unknown, never "safe" */
    };
    const char *const *inputs = examples;
    int count = (int)(sizeof examples / sizeof examples[0]);
    if (argc > 1) {
        inputs = (const char *const *)(argv + 1);
        count = argc - 1;
    }

    cg_error *error = NULL;
    cg_checker *checker = NULL;
    if (cg_checker_new_builtin(&checker, &error) != CG_CODE_OK) {
        return fail("cg_checker_new_builtin", error);
    }
    printf("contactguard %s, registry version %llu\n", cg_version(),
           (unsigned long long)cg_checker_registry_version(checker));

    int status = 0;
    for (int i = 0; i < count && status == 0; i++) {
        status = check_one(checker, inputs[i]);
    }

    const char *message = "TP钱包官方客服热线：400-123-4567，官网 https://tokenpocket.pro";
    char *report = NULL;
    if (status == 0) {
        if (cg_scan_json(checker, message, strlen(message), &report, &error) == CG_CODE_OK) {
            printf("scan: %s\n", report);
            cg_string_free(report);
        } else {
            status = fail("cg_scan_json", error);
        }
    }

    /* A registry update that does not verify is refused, and the old checker stays in use.
     * Updates go through a trust store, a folder the app keeps (here one in the temporary
     * folder): it remembers the newest registry accepted, so an old one cannot be replayed. */
    if (status == 0) {
        static const char bogus[] = "{\"format\": \"not a registry\"}";
        const char *tmp = getenv("TMPDIR");
        char store[512];
        snprintf(store, sizeof store, "%s/contactguard-check_contact-store",
                 tmp != NULL && tmp[0] != '\0' ? tmp : "/tmp");
        cg_checker *updated = NULL;
        cg_code code = cg_checker_new_signed((const uint8_t *)bogus, strlen(bogus), NULL, 0,
                                             store, strlen(store), 1795000000, &updated, &error);
        if (code == CG_CODE_OK || updated != NULL) {
            fprintf(stderr, "check_contact: a bogus registry file was accepted\n");
            cg_checker_free(updated);
            status = 1;
        } else {
            printf("update refused (code %d): %s\n", (int)code, cg_error_message(error));
            cg_error_free(error);
        }
    }

    cg_checker_free(checker);
    return status;
}
