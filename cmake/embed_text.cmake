# Writes a C++ file defining `const char* const NAME` with the content of IN.
file(READ ${IN} content)
file(WRITE ${OUT}.tmp "// Generated at build time. Do not edit.\nnamespace ${NS} {\nextern const char* const ${NAME};\nconst char* const ${NAME} = R\"pantau_text(${content})pantau_text\";\n}\n")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
