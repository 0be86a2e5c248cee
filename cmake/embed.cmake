# Turn a text file into a C array, for a script the binary carries:
#   cmake -DIN=file.js -DOUT=file.c -DNAME=nm_symbol -P cmake/embed.cmake
# NAME points to the bytes, which end in a NUL; NAME_len is the length
# without it.
file(READ "${IN}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," hex "${hex}")
string(REPLACE "0x0a," "0x0a,\n" hex "${hex}")
file(WRITE "${OUT}"
  "/* Generated from ${IN} by cmake/embed.cmake: do not edit. */\n"
  "#include <stddef.h>\n"
  "extern const char *const ${NAME};\n"
  "extern const size_t ${NAME}_len;\n"
  "static const unsigned char bytes[] = {\n${hex}0};\n"
  "const char *const ${NAME} = (const char *)bytes;\n"
  "const size_t ${NAME}_len = sizeof(bytes) - 1;\n")
