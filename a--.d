-: compiler/token.h compiler/ast.h compiler/ast_kinds.def \
 compiler/compiler.h
compiler/ast.h:
compiler/ast_kinds.def:
compiler/compiler.h:
