/* xmlwf (compiled with -DXML_ParserCreate=corpus_XML_ParserCreate and
 * -DXML_ParserCreateNS=corpus_XML_ParserCreateNS) creates its parsers here:
 * the same as expat's, with a fixed hash salt, so that no run depends on
 * getrandom, the time or the process id (external entity parsers inherit the
 * salt of their parent). */

#include <expat.h>

#define CORPUS_SALT 0x5eed2025UL

XML_Parser corpus_XML_ParserCreate(const XML_Char *encoding) {
  XML_Parser p = XML_ParserCreate(encoding);
  if (p) XML_SetHashSalt(p, CORPUS_SALT);
  return p;
}

XML_Parser corpus_XML_ParserCreateNS(const XML_Char *encoding, XML_Char sep) {
  XML_Parser p = XML_ParserCreateNS(encoding, sep);
  if (p) XML_SetHashSalt(p, CORPUS_SALT);
  return p;
}
