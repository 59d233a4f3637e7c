/* The corpus driver of cJSON (scripts/corpuslib/programs/cjson.py).
 *
 * Usage: cjson_main FILE...
 * For each JSON document: parse it (or report where it fails), walk it
 * (counts, depth, a hash of keys and strings, a sum of numbers), print it
 * unformatted and formatted, parse the formatted text again and compare,
 * minify the formatted text and compare with the unformatted one, duplicate
 * and modify the copy (numbers, strings, deleted / inserted / replaced items,
 * sorted objects), diff the two trees with JSON Patch and JSON Merge Patch
 * (cJSON_Utils) and apply the patches, look items up by JSON Pointer, print
 * into preallocated and small growing buffers. Every result is printed to
 * standard output (the unformatted text of each modified document included).
 * Finally it builds a document from scratch with the create/add API.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cJSON.h"
#include "cJSON_Utils.h"

static uint64_t fnv(uint64_t h, const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

static uint64_t fnv_str(uint64_t h, const char *s)
{
    return s ? fnv(h, s, strlen(s)) : fnv(h, "(null)", 6);
}

struct stats {
    long objects, arrays, strings, numbers, trues, falses, nulls, maxdepth;
    uint64_t hash;
    double sum;
};

static void walk(const cJSON *it, int depth, struct stats *st)
{
    const cJSON *c;
    if (depth > st->maxdepth)
        st->maxdepth = depth;
    if (it->string)
        st->hash = fnv_str(st->hash, it->string);
    if (cJSON_IsObject(it) || cJSON_IsArray(it)) {
        if (cJSON_IsObject(it))
            st->objects++;
        else
            st->arrays++;
        st->hash = fnv(st->hash, cJSON_IsObject(it) ? "{" : "[", 1);
        cJSON_ArrayForEach(c, it) walk(c, depth + 1, st);
        st->hash = fnv(st->hash, cJSON_IsObject(it) ? "}" : "]", 1);
    } else if (cJSON_IsString(it)) {
        st->strings++;
        st->hash = fnv_str(st->hash, cJSON_GetStringValue(it));
    } else if (cJSON_IsNumber(it)) {
        st->numbers++;
        st->sum += cJSON_GetNumberValue(it);
        st->hash = fnv(st->hash, (const char *)&it->valueint, sizeof it->valueint);
    } else if (cJSON_IsTrue(it)) {
        st->trues++;
    } else if (cJSON_IsFalse(it)) {
        st->falses++;
    } else if (cJSON_IsNull(it)) {
        st->nulls++;
    }
}

static void print_stats(const char *what, const cJSON *doc)
{
    struct stats st;
    memset(&st, 0, sizeof st);
    st.hash = 14695981039346656037ULL;
    walk(doc, 0, &st);
    printf("%s: objects %ld arrays %ld strings %ld numbers %ld true %ld false %ld null %ld "
           "depth %ld hash %016llx sum %.10g\n", what, st.objects, st.arrays, st.strings,
           st.numbers, st.trues, st.falses, st.nulls, st.maxdepth, (unsigned long long)st.hash,
           st.sum);
}

/* Modifies a tree in place, driven by a counter so the choices are fixed. */
static void modify(cJSON *it, int depth, unsigned *counter)
{
    cJSON *c, *next;
    char buf[64];
    if (!(cJSON_IsObject(it) || cJSON_IsArray(it)))
        return;
    for (c = it->child; c != NULL; c = next) {
        unsigned k = (*counter)++;
        next = c->next;
        if (cJSON_IsNumber(c)) {
            if (k % 3 == 0)
                cJSON_SetNumberValue(c, c->valuedouble * 3 - 1);
        } else if (cJSON_IsString(c)) {
            if (k % 5 == 0) {
                /* reversed, or a longer string (a new allocation) */
                size_t n = strlen(c->valuestring), i;
                char *r = malloc(n + 8);
                for (i = 0; i < n; i++)
                    r[i] = c->valuestring[n - 1 - i];
                if (k % 2)
                    memcpy(r + n, "-edited", 8);
                else
                    r[n] = 0;
                cJSON_SetValuestring(c, r);
                free(r);
            }
        } else if (cJSON_IsBool(c)) {
            if (k % 4 == 0) {
                cJSON *nb = cJSON_CreateBool(!cJSON_IsTrue(c));
                if (cJSON_IsObject(it))
                    cJSON_ReplaceItemInObjectCaseSensitive(it, c->string, nb);
                else
                    cJSON_ReplaceItemViaPointer(it, c, nb);
            }
        } else if (cJSON_IsNull(c)) {
            cJSON_Delete(cJSON_DetachItemViaPointer(it, c));
        } else {
            modify(c, depth + 1, counter);
        }
    }
    if (cJSON_IsObject(it)) {
        if (depth < 4) {
            snprintf(buf, sizeof buf, "visited-%u", *counter % 1000);
            cJSON_AddNumberToObject(it, buf, depth);
        }
        if (*counter % 7 == 0 && it->child != NULL && it->child->string != NULL) {
            cJSON *d = cJSON_DetachItemFromObjectCaseSensitive(it, it->child->string);
            snprintf(buf, sizeof buf, "moved-%u", *counter);
            cJSON_AddItemToObject(it, buf, d);
        }
    } else {
        int n = cJSON_GetArraySize(it);
        if (n > 2 && *counter % 6 < 2) {
            /* Debian's null-check patch makes inserting anywhere but at the
             * front fail (it tests newitem->prev): free what was refused */
            cJSON *s = cJSON_CreateString("inserted");
            if (!cJSON_InsertItemInArray(it, *counter % 6 ? 0 : n / 2, s))
                cJSON_Delete(s);
        }
        if (n > 3 && *counter % 10 == 1)
            cJSON_ReplaceItemInArray(it, 1, cJSON_CreateNumber(n));
        if (n > 4 && *counter % 9 == 2)
            cJSON_Delete(cJSON_DetachItemFromArray(it, n - 1));
    }
}

/* A few JSON pointers into the tree: the first item of every level down the
 * first children, then its path found back from the item. */
static void pointers(cJSON *doc)
{
    char path[512];
    size_t len = 0;
    cJSON *cur = doc;
    int level;
    uint64_t h = 14695981039346656037ULL;
    path[0] = 0;
    for (level = 0; level < 12 && cur && (cJSON_IsObject(cur) || cJSON_IsArray(cur)); level++) {
        int n = cJSON_GetArraySize(cur);
        int idx = n ? (level * 7) % n : 0;
        cJSON *child = cJSON_GetArrayItem(cur, idx);
        cJSON *found;
        char *back;
        if (!child)
            break;
        if (cJSON_IsObject(cur)) {
            /* escape ~ and / as RFC 6901 says */
            const char *s = child->string;
            if (len + 2 * strlen(s) + 2 >= sizeof path)
                break;
            path[len++] = '/';
            for (; *s; s++) {
                if (*s == '~') { path[len++] = '~'; path[len++] = '0'; }
                else if (*s == '/') { path[len++] = '~'; path[len++] = '1'; }
                else path[len++] = *s;
            }
            path[len] = 0;
        } else {
            len += snprintf(path + len, sizeof path - len, "/%d", idx);
        }
        found = cJSONUtils_GetPointerCaseSensitive(doc, path);
        back = cJSONUtils_FindPointerFromObjectTo(doc, child);
        h = fnv_str(h, path);
        h = fnv_str(h, back);
        printf("  pointer %d %s %s\n", level, found == child ? "ok" : "MISMATCH",
               back && strcmp(back, path) == 0 ? "same" : "differs");
        cJSON_free(back);
        cur = child;
    }
    printf("  pointers hash %016llx\n", (unsigned long long)h);
}

static char *read_file(const char *name, size_t *size)
{
    FILE *f = fopen(name, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0, got;
    if (!f)
        return NULL;
    for (;;) {
        if (n + 65536 + 1 > cap) {
            cap = cap ? cap * 2 : 1 << 20;
            buf = realloc(buf, cap);
        }
        got = fread(buf + n, 1, cap - n - 1, f);
        if (got == 0)
            break;
        n += got;
    }
    fclose(f);
    buf[n] = 0;
    *size = n;
    return buf;
}

static int process(const char *name)
{
    size_t size;
    char *text = read_file(name, &size);
    const char *end = NULL;
    cJSON *doc, *again, *dup, *patches, *merge, *target;
    char *plain, *pretty, *mini, *p;
    char small[256];
    unsigned counter = 0;
    int i;
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    if (!text) {
        printf("%s: cannot read\n", base);
        return 1;
    }
    printf("== %s (%lu bytes)\n", base, (unsigned long)size);
    doc = cJSON_ParseWithLengthOpts(text, size + 1, &end, 1);
    if (!doc) {
        const char *err = cJSON_GetErrorPtr();
        printf("parse error at offset %ld\n", err ? (long)(err - text) : -1L);
        free(text);
        return 0;
    }
    print_stats("parsed", doc);

    plain = cJSON_PrintUnformatted(doc);
    pretty = cJSON_Print(doc);
    printf("unformatted %lu bytes hash %016llx\n", (unsigned long)strlen(plain),
           (unsigned long long)fnv_str(14695981039346656037ULL, plain));
    printf("formatted %lu bytes hash %016llx\n", (unsigned long)strlen(pretty),
           (unsigned long long)fnv_str(14695981039346656037ULL, pretty));
    again = cJSON_Parse(pretty);
    printf("reparsed formatted: %s\n", again && cJSON_Compare(doc, again, 1) ? "equal" : "DIFFERENT");
    cJSON_Delete(again);
    mini = malloc(strlen(pretty) + 1);
    strcpy(mini, pretty);
    cJSON_Minify(mini);
    printf("minified formatted: %s\n", strcmp(mini, plain) == 0 ? "same as unformatted" : "differs");
    free(mini);
    cJSON_free(pretty);

    /* print into a preallocated buffer (too small: must fail cleanly) and a
     * growing one that starts tiny */
    printf("preallocated small: %d\n", (int)cJSON_PrintPreallocated(doc, small, sizeof small, 0));
    p = cJSON_PrintBuffered(doc, 16, 1);
    printf("buffered %lu bytes\n", (unsigned long)strlen(p));
    cJSON_free(p);

    pointers(doc);

    dup = cJSON_Duplicate(doc, 1);
    printf("duplicate equal: %d\n", (int)cJSON_Compare(doc, dup, 1));
    modify(dup, 0, &counter);
    printf("modified %u items, equal now: %d\n", counter, (int)cJSON_Compare(doc, dup, 1));
    print_stats("modified", dup);
    p = cJSON_PrintUnformatted(dup);
    fputs(p, stdout);
    putchar('\n');
    cJSON_free(p);

    /* JSON Merge Patch from the original to the modified tree */
    merge = cJSONUtils_GenerateMergePatchCaseSensitive(doc, dup);
    if (merge) {
        p = cJSON_PrintUnformatted(merge);
        printf("merge patch %lu bytes hash %016llx\n", (unsigned long)strlen(p),
               (unsigned long long)fnv_str(14695981039346656037ULL, p));
        cJSON_free(p);
        target = cJSON_Duplicate(doc, 1);
        target = cJSONUtils_MergePatchCaseSensitive(target, merge);
        print_stats("merged", target);
        cJSON_Delete(target);
        cJSON_Delete(merge);
    }

    /* JSON Patch (sorts both trees' objects as a side effect) */
    target = cJSON_Duplicate(doc, 1);
    patches = cJSONUtils_GeneratePatchesCaseSensitive(doc, dup);
    printf("patches: %d\n", cJSON_GetArraySize(patches));
    for (i = 0; i < cJSON_GetArraySize(patches) && i < 5; i++) {
        cJSON *op = cJSON_GetArrayItem(patches, i);
        printf("  %s %s\n", cJSON_GetStringValue(cJSON_GetObjectItem(op, "op")),
               cJSON_GetStringValue(cJSON_GetObjectItem(op, "path")));
    }
    i = cJSONUtils_ApplyPatchesCaseSensitive(target, patches);
    printf("apply patches: %d, equal to modified: %d\n", i, (int)cJSON_Compare(target, dup, 1));
    p = cJSON_Print(target);
    printf("patched formatted hash %016llx\n",
           (unsigned long long)fnv_str(14695981039346656037ULL, p));
    cJSON_free(p);
    cJSON_Delete(patches);
    cJSON_Delete(target);

    cJSON_Delete(dup);
    cJSON_Delete(doc);
    cJSON_free(plain);
    free(text);
    return 0;
}

static void build_document(void)
{
    static const int ints[] = {1, -2, 3, 2147483647, -2147483647, 0, 42};
    static const double dbls[] = {0.5, -1e-300, 3.14159265358979, 6.02214076e23, -0.0, 1e21, 123456789.125};
    static const char *const strs[] = {"alpha", "b\"eta", "gam\\ma", "del\nta", "\xc3\xa9psilon", ""};
    cJSON *root = cJSON_CreateObject(), *list, *o;
    char key[32], *p;
    int i;
    cJSON_AddItemToObject(root, "ints", cJSON_CreateIntArray(ints, 7));
    cJSON_AddItemToObject(root, "doubles", cJSON_CreateDoubleArray(dbls, 7));
    cJSON_AddItemToObject(root, "strings", cJSON_CreateStringArray(strs, 6));
    list = cJSON_AddArrayToObject(root, "list");
    for (i = 0; i < 2000; i++) {
        o = cJSON_CreateObject();
        snprintf(key, sizeof key, "k%d", (i * 37) % 101);
        cJSON_AddNumberToObject(o, "i", i);
        cJSON_AddNumberToObject(o, "f", i / 7.0);
        cJSON_AddStringToObject(o, key, key + 1);
        cJSON_AddBoolToObject(o, "even", i % 2 == 0);
        if (i % 3 == 0)
            cJSON_AddNullToObject(o, "none");
        if (i % 5 == 0)
            cJSON_AddRawToObject(o, "raw", "[1,2,{\"r\":true}]");
        cJSON_AddItemToArray(list, o);
    }
    for (i = 0; i < 300; i++)
        cJSON_DeleteItemFromArray(list, (i * 13) % (2000 - i));
    cJSONUtils_SortObjectCaseSensitive(root);
    p = cJSON_Print(root);
    printf("== built %lu bytes hash %016llx\n", (unsigned long)strlen(p),
           (unsigned long long)fnv_str(14695981039346656037ULL, p));
    fputs(p, stdout);
    putchar('\n');
    cJSON_free(p);
    cJSON_Delete(root);
}

int main(int argc, char **argv)
{
    int i, rc = 0;
    printf("cJSON %s\n", cJSON_Version());
    for (i = 1; i < argc; i++)
        rc |= process(argv[i]);
    build_document();
    return rc;
}
