// The Elixir-subset grammar (lemon). It follows the structure of Elixir's own yecc grammar
// (elixir_parser.yrl): expressions are matched (no do-block call at the end), unmatched (ending in
// a do-block call) or no_parens (a call with several arguments and no parentheses), which keeps
// no-parens calls LALR(1). Newlines that cannot end an expression are dropped by the driver
// (parse.c), so rules here only see EOL where it separates expressions. Actions stay thin: the
// tree shapes are built by the parse_* helpers in parse.c. Lemon must report 0 conflicts.

%name EmberParse
%token_prefix TK_
%token_type {Token}
%default_type {AstNode *}
%extra_context {Parser *p}
%stack_size 10000
%start_symbol program

%include {
#include <string.h>

#include "parse.h"
}

%token_destructor { (void)p; (void)$$; }

%syntax_error {
    parse_syntax_error(p, yymajor, &yyminor);
}

%stack_overflow {
    parse_nesting_error(p);
}

%token EOL SEMI COMMA DOT DOT_CALL_OP LPAREN RPAREN LBRACKET RBRACKET LCURLY RCURLY LBIT RBIT
       MAP_OP PERCENT.
%token IDENTIFIER PAREN_IDENTIFIER BRACKET_IDENTIFIER DO_IDENTIFIER OP_IDENTIFIER KW_IDENTIFIER
       ALIAS BLOCK_IDENTIFIER FN END TRUE FALSE NIL STRUCT_IDENTIFIER.
%token INT FLT ATOM STRING CHARLIST SIGIL CAPTURE_INT.

%left DO.
%right STAB_OP.
%left NO_PARENS_ONE.
%left COMMA.
%left IN_MATCH_OP.
%right WHEN_OP.
%right TYPE_OP.
%right PIPE_OP.
%right ASSOC_OP.
%nonassoc CAPTURE_PREC.
%right MATCH_OP.
%left OR_OP.
%left AND_OP.
%left COMP_OP.
%left REL_OP.
%left ARROW_OP.
%left IN_OP.
%left XOR_OP.
%right TERNARY_OP.
%right CONCAT_OP RANGE_OP.
%left DUAL_OP.
%left MULT_OP.
%left POWER_OP.
%nonassoc UNARY_PREC.
%left DOT_CALL_OP DOT.
%nonassoc AT_PREC.
%nonassoc DOT_IDENT.
// Tokens that can start the argument of a no-parens call: after `foo` they shift (`foo !x`,
// `foo [1]`, `foo @a`), while binary operators make `foo` a variable (`foo - 1`).
%nonassoc UNARY_OP AT_OP CAPTURE_OP INT FLT ATOM STRING CHARLIST SIGIL TRUE FALSE NIL IDENTIFIER
          PAREN_IDENTIFIER BRACKET_IDENTIFIER DO_IDENTIFIER OP_IDENTIFIER KW_IDENTIFIER ALIAS FN
          LPAREN LBRACKET LCURLY LBIT MAP_OP PERCENT CAPTURE_INT.

// ==== Top level ====

program ::= grammar(A). { p->root = A; }

grammar(A) ::= . { A = parse_empty_block(p); }
grammar(A) ::= eoe. { A = parse_empty_block(p); }
grammar(A) ::= expr_list(B). { A = parse_block(p, B); }
grammar(A) ::= eoe expr_list(B). { A = parse_block(p, B); }
grammar(A) ::= expr_list(B) eoe. { A = parse_block(p, B); }
grammar(A) ::= eoe expr_list(B) eoe. { A = parse_block(p, B); }

expr_list(A) ::= expr(B). { A = parse_list1(p, B); }
expr_list(A) ::= expr_list(L) eoe expr(B). { A = parse_append(p, L, B); }

eoe ::= EOL.
eoe ::= SEMI.

expr(A) ::= matched_expr(B). { A = B; }
expr(A) ::= no_parens_expr(B). { A = B; }
expr(A) ::= unmatched_expr(B). { A = B; }

// ==== Operators ====

matched_expr(A) ::= matched_expr(L) matched_op_expr(R). { A = parse_binop(p, L, R); }
matched_expr(A) ::= UNARY_OP(O) matched_expr(B). [UNARY_PREC] { A = parse_unop(p, &O, B); }
matched_expr(A) ::= DUAL_OP(O) matched_expr(B). [UNARY_PREC] { A = parse_unop(p, &O, B); }
matched_expr(A) ::= TERNARY_OP(O) matched_expr(B). [UNARY_PREC] { A = parse_unop(p, &O, B); }
matched_expr(A) ::= AT_OP(O) matched_expr(B). [AT_PREC] { A = parse_unop(p, &O, B); }
matched_expr(A) ::= CAPTURE_OP(O) matched_expr(B). [CAPTURE_PREC] { A = parse_unop(p, &O, B); }
matched_expr(A) ::= no_parens_one_expr(B). { A = B; }
matched_expr(A) ::= sub_matched_expr(B). { A = B; }

unmatched_expr(A) ::= matched_expr(L) unmatched_op_expr(R). { A = parse_binop(p, L, R); }
unmatched_expr(A) ::= unmatched_expr(L) matched_op_expr(R). { A = parse_binop(p, L, R); }
unmatched_expr(A) ::= unmatched_expr(L) unmatched_op_expr(R). { A = parse_binop(p, L, R); }
unmatched_expr(A) ::= unmatched_expr(L) no_parens_op_expr(R). { A = parse_binop(p, L, R); }
unmatched_expr(A) ::= UNARY_OP(O) unmatched_expr(B). [UNARY_PREC] { A = parse_unop(p, &O, B); }
unmatched_expr(A) ::= DUAL_OP(O) unmatched_expr(B). [UNARY_PREC] { A = parse_unop(p, &O, B); }
unmatched_expr(A) ::= TERNARY_OP(O) unmatched_expr(B). [UNARY_PREC] { A = parse_unop(p, &O, B); }
unmatched_expr(A) ::= AT_OP(O) unmatched_expr(B). [AT_PREC] { A = parse_unop(p, &O, B); }
unmatched_expr(A) ::= CAPTURE_OP(O) unmatched_expr(B). [CAPTURE_PREC] { A = parse_unop(p, &O, B); }
unmatched_expr(A) ::= block_expr(B). { A = B; }

no_parens_expr(A) ::= matched_expr(L) no_parens_op_expr(R). { A = parse_binop(p, L, R); }
no_parens_expr(A) ::= UNARY_OP(O) no_parens_expr(B). [UNARY_PREC] { A = parse_unop(p, &O, B); }
no_parens_expr(A) ::= DUAL_OP(O) no_parens_expr(B). [UNARY_PREC] { A = parse_unop(p, &O, B); }
no_parens_expr(A) ::= TERNARY_OP(O) no_parens_expr(B). [UNARY_PREC] { A = parse_unop(p, &O, B); }
no_parens_expr(A) ::= AT_OP(O) no_parens_expr(B). [AT_PREC] { A = parse_unop(p, &O, B); }
no_parens_expr(A) ::= CAPTURE_OP(O) no_parens_expr(B). [CAPTURE_PREC] { A = parse_unop(p, &O, B); }
no_parens_expr(A) ::= no_parens_one_ambig_expr(B). { A = B; }
no_parens_expr(A) ::= no_parens_many_expr(B). { A = B; }

block_expr(A) ::= dot_call_identifier(F) call_args_parens(X) do_block(D).
    { A = parse_call(p, F, parse_append(p, X, D)); }
block_expr(A) ::= dot_call_identifier(F) call_args_parens(X) call_args_parens(Y) do_block(D).
    { A = parse_nested_call(p, parse_call(p, F, X), parse_append(p, Y, D)); }
block_expr(A) ::= dot_do_identifier(F) do_block(D). { A = parse_call(p, F, parse_list1(p, D)); }
block_expr(A) ::= dot_op_identifier(F) call_args_no_parens_all(X) do_block(D).
    { A = parse_call(p, F, parse_append(p, X, D)); }
block_expr(A) ::= dot_identifier(F) call_args_no_parens_all(X) do_block(D).
    { A = parse_call(p, F, parse_append(p, X, D)); }

matched_op_expr(A) ::= MATCH_OP(O) matched_expr(B). { A = parse_op_rhs(p, &O, B); }
matched_op_expr(A) ::= DUAL_OP(O) matched_expr(B). { A = parse_op_rhs(p, &O, B); }
matched_op_expr(A) ::= MULT_OP(O) matched_expr(B). { A = parse_op_rhs(p, &O, B); }
matched_op_expr(A) ::= POWER_OP(O) matched_expr(B). { A = parse_op_rhs(p, &O, B); }
matched_op_expr(A) ::= CONCAT_OP(O) matched_expr(B). { A = parse_op_rhs(p, &O, B); }
matched_op_expr(A) ::= RANGE_OP(O) matched_expr(B). { A = parse_op_rhs(p, &O, B); }
matched_op_expr(A) ::= TERNARY_OP(O) matched_expr(B). { A = parse_op_rhs(p, &O, B); }
matched_op_expr(A) ::= XOR_OP(O) matched_expr(B). { A = parse_op_rhs(p, &O, B); }
matched_op_expr(A) ::= AND_OP(O) matched_expr(B). { A = parse_op_rhs(p, &O, B); }
matched_op_expr(A) ::= OR_OP(O) matched_expr(B). { A = parse_op_rhs(p, &O, B); }
matched_op_expr(A) ::= IN_OP(O) matched_expr(B). { A = parse_op_rhs(p, &O, B); }
matched_op_expr(A) ::= IN_MATCH_OP(O) matched_expr(B). { A = parse_op_rhs(p, &O, B); }
matched_op_expr(A) ::= TYPE_OP(O) matched_expr(B). { A = parse_op_rhs(p, &O, B); }
matched_op_expr(A) ::= WHEN_OP(O) matched_expr(B). { A = parse_op_rhs(p, &O, B); }
matched_op_expr(A) ::= PIPE_OP(O) matched_expr(B). { A = parse_op_rhs(p, &O, B); }
matched_op_expr(A) ::= COMP_OP(O) matched_expr(B). { A = parse_op_rhs(p, &O, B); }
matched_op_expr(A) ::= REL_OP(O) matched_expr(B). { A = parse_op_rhs(p, &O, B); }
matched_op_expr(A) ::= ARROW_OP(O) matched_expr(B). { A = parse_op_rhs(p, &O, B); }

unmatched_op_expr(A) ::= MATCH_OP(O) unmatched_expr(B). { A = parse_op_rhs(p, &O, B); }
unmatched_op_expr(A) ::= DUAL_OP(O) unmatched_expr(B). { A = parse_op_rhs(p, &O, B); }
unmatched_op_expr(A) ::= MULT_OP(O) unmatched_expr(B). { A = parse_op_rhs(p, &O, B); }
unmatched_op_expr(A) ::= POWER_OP(O) unmatched_expr(B). { A = parse_op_rhs(p, &O, B); }
unmatched_op_expr(A) ::= CONCAT_OP(O) unmatched_expr(B). { A = parse_op_rhs(p, &O, B); }
unmatched_op_expr(A) ::= RANGE_OP(O) unmatched_expr(B). { A = parse_op_rhs(p, &O, B); }
unmatched_op_expr(A) ::= TERNARY_OP(O) unmatched_expr(B). { A = parse_op_rhs(p, &O, B); }
unmatched_op_expr(A) ::= XOR_OP(O) unmatched_expr(B). { A = parse_op_rhs(p, &O, B); }
unmatched_op_expr(A) ::= AND_OP(O) unmatched_expr(B). { A = parse_op_rhs(p, &O, B); }
unmatched_op_expr(A) ::= OR_OP(O) unmatched_expr(B). { A = parse_op_rhs(p, &O, B); }
unmatched_op_expr(A) ::= IN_OP(O) unmatched_expr(B). { A = parse_op_rhs(p, &O, B); }
unmatched_op_expr(A) ::= IN_MATCH_OP(O) unmatched_expr(B). { A = parse_op_rhs(p, &O, B); }
unmatched_op_expr(A) ::= TYPE_OP(O) unmatched_expr(B). { A = parse_op_rhs(p, &O, B); }
unmatched_op_expr(A) ::= WHEN_OP(O) unmatched_expr(B). { A = parse_op_rhs(p, &O, B); }
unmatched_op_expr(A) ::= PIPE_OP(O) unmatched_expr(B). { A = parse_op_rhs(p, &O, B); }
unmatched_op_expr(A) ::= COMP_OP(O) unmatched_expr(B). { A = parse_op_rhs(p, &O, B); }
unmatched_op_expr(A) ::= REL_OP(O) unmatched_expr(B). { A = parse_op_rhs(p, &O, B); }
unmatched_op_expr(A) ::= ARROW_OP(O) unmatched_expr(B). { A = parse_op_rhs(p, &O, B); }

no_parens_op_expr(A) ::= MATCH_OP(O) no_parens_expr(B). { A = parse_op_rhs(p, &O, B); }
no_parens_op_expr(A) ::= DUAL_OP(O) no_parens_expr(B). { A = parse_op_rhs(p, &O, B); }
no_parens_op_expr(A) ::= MULT_OP(O) no_parens_expr(B). { A = parse_op_rhs(p, &O, B); }
no_parens_op_expr(A) ::= POWER_OP(O) no_parens_expr(B). { A = parse_op_rhs(p, &O, B); }
no_parens_op_expr(A) ::= CONCAT_OP(O) no_parens_expr(B). { A = parse_op_rhs(p, &O, B); }
no_parens_op_expr(A) ::= RANGE_OP(O) no_parens_expr(B). { A = parse_op_rhs(p, &O, B); }
no_parens_op_expr(A) ::= TERNARY_OP(O) no_parens_expr(B). { A = parse_op_rhs(p, &O, B); }
no_parens_op_expr(A) ::= XOR_OP(O) no_parens_expr(B). { A = parse_op_rhs(p, &O, B); }
no_parens_op_expr(A) ::= AND_OP(O) no_parens_expr(B). { A = parse_op_rhs(p, &O, B); }
no_parens_op_expr(A) ::= OR_OP(O) no_parens_expr(B). { A = parse_op_rhs(p, &O, B); }
no_parens_op_expr(A) ::= IN_OP(O) no_parens_expr(B). { A = parse_op_rhs(p, &O, B); }
no_parens_op_expr(A) ::= IN_MATCH_OP(O) no_parens_expr(B). { A = parse_op_rhs(p, &O, B); }
no_parens_op_expr(A) ::= TYPE_OP(O) no_parens_expr(B). { A = parse_op_rhs(p, &O, B); }
no_parens_op_expr(A) ::= WHEN_OP(O) no_parens_expr(B). { A = parse_op_rhs(p, &O, B); }
no_parens_op_expr(A) ::= PIPE_OP(O) no_parens_expr(B). { A = parse_op_rhs(p, &O, B); }
no_parens_op_expr(A) ::= COMP_OP(O) no_parens_expr(B). { A = parse_op_rhs(p, &O, B); }
no_parens_op_expr(A) ::= REL_OP(O) no_parens_expr(B). { A = parse_op_rhs(p, &O, B); }
no_parens_op_expr(A) ::= ARROW_OP(O) no_parens_expr(B). { A = parse_op_rhs(p, &O, B); }

no_parens_op_expr(A) ::= WHEN_OP(O) call_args_no_parens_kw(B). { A = parse_op_rhs(p, &O, B); }

no_parens_one_ambig_expr(A) ::= dot_op_identifier(F) call_args_no_parens_ambig(X).
    { A = parse_call(p, F, X); }
no_parens_one_ambig_expr(A) ::= dot_identifier(F) call_args_no_parens_ambig(X).
    { A = parse_call(p, F, X); }

no_parens_many_expr(A) ::= dot_op_identifier(F) call_args_no_parens_many_strict(X).
    { A = parse_call(p, F, X); }
no_parens_many_expr(A) ::= dot_identifier(F) call_args_no_parens_many_strict(X).
    { A = parse_call(p, F, X); }

no_parens_one_expr(A) ::= dot_op_identifier(F) call_args_no_parens_one(X).
    { A = parse_call(p, F, X); }
no_parens_one_expr(A) ::= dot_identifier(F) call_args_no_parens_one(X).
    { A = parse_call(p, F, X); }
no_parens_zero_expr(A) ::= dot_do_identifier(F). { A = parse_call(p, F, NULL); }
no_parens_zero_expr(A) ::= dot_identifier(F). [DOT_IDENT] { A = parse_call(p, F, NULL); }

sub_matched_expr(A) ::= no_parens_zero_expr(B). { A = B; }
sub_matched_expr(A) ::= RANGE_OP(O). { A = parse_nullary(p, &O); }
sub_matched_expr(A) ::= access_expr(B). { A = B; }

// ==== Terms ====

access_expr(A) ::= bracket_at_expr(B). { A = B; }
access_expr(A) ::= bracket_expr(B). { A = B; }
access_expr(A) ::= CAPTURE_INT(O) INT(N). { A = parse_unop(p, &O, parse_literal(p, &N)); }
access_expr(A) ::= FN(F) stab_eoe(S) END. { A = parse_fn(p, &F, S); }
access_expr(A) ::= LPAREN(L) stab_eoe(S) RPAREN. { A = parse_paren_stab(p, &L, S); }
access_expr(A) ::= LPAREN(L) SEMI stab_eoe(S) RPAREN. { A = parse_paren_stab(p, &L, S); }
access_expr(A) ::= LPAREN SEMI RPAREN. { A = parse_empty_block(p); }
access_expr(A) ::= empty_paren. [DO] { A = parse_empty_block(p); }
access_expr(A) ::= INT(T). { A = parse_literal(p, &T); }
access_expr(A) ::= FLT(T). { A = parse_literal(p, &T); }
access_expr(A) ::= TRUE(T). { A = parse_literal(p, &T); }
access_expr(A) ::= FALSE(T). { A = parse_literal(p, &T); }
access_expr(A) ::= NIL(T). { A = parse_literal(p, &T); }
access_expr(A) ::= ATOM(T). { A = parse_literal(p, &T); }
access_expr(A) ::= STRING(T). { A = parse_literal(p, &T); }
access_expr(A) ::= CHARLIST(T). { A = parse_literal(p, &T); }
access_expr(A) ::= SIGIL(T). { A = parse_literal(p, &T); }
access_expr(A) ::= list(B). { A = B; }
access_expr(A) ::= map(B). { A = B; }
access_expr(A) ::= tuple(B). { A = B; }
access_expr(A) ::= bitstring(B). { A = B; }
access_expr(A) ::= dot_alias(B). { A = B; }
access_expr(A) ::= parens_call(B). { A = B; }

parens_call(A) ::= dot_call_identifier(F) call_args_parens(X). { A = parse_call(p, F, X); }
parens_call(A) ::= dot_call_identifier(F) call_args_parens(X) call_args_parens(Y).
    { A = parse_nested_call(p, parse_call(p, F, X), Y); }

bracket_arg(A) ::= LBRACKET kw_data(K) RBRACKET. { A = K; }
bracket_arg(A) ::= LBRACKET container_expr(E) RBRACKET. { A = E; }
bracket_arg(A) ::= LBRACKET container_expr(E) COMMA RBRACKET. { A = E; }

bracket_expr(A) ::= dot_bracket_identifier(F) bracket_arg(K). [DOT_IDENT]
    { A = parse_access(p, parse_call(p, F, NULL), K); }
bracket_expr(A) ::= access_expr(E) bracket_arg(K). [DOT_IDENT] { A = parse_access(p, E, K); }

bracket_at_expr(A) ::= AT_OP(O) dot_bracket_identifier(F) bracket_arg(K).
    { A = parse_access(p, parse_unop(p, &O, parse_call(p, F, NULL)), K); }
bracket_at_expr(A) ::= AT_OP(O) access_expr(E) bracket_arg(K).
    { A = parse_access(p, parse_unop(p, &O, E), K); }

// ==== Blocks and clauses ====

do_block(A) ::= DO END. { A = parse_do_block(p, NULL, NULL); }
do_block(A) ::= DO stab_eoe(S) END. { A = parse_do_block(p, S, NULL); }
do_block(A) ::= DO block_list(B) END. { A = parse_do_block(p, NULL, B); }
do_block(A) ::= DO stab_eoe(S) block_list(B) END. { A = parse_do_block(p, S, B); }

stab(A) ::= stab_expr(B). { A = parse_list1(p, B); }
stab(A) ::= stab(L) eoe stab_expr(B). { A = parse_append(p, L, B); }

stab_eoe(A) ::= stab(B). { A = B; }
stab_eoe(A) ::= stab(B) eoe. { A = B; }

stab_expr(A) ::= expr(B). { A = B; }
stab_expr(A) ::= stab_op_eol_and_expr(B). { A = parse_stab_clause(p, NULL, B); }
stab_expr(A) ::= empty_paren stab_op_eol_and_expr(B). { A = parse_stab_clause(p, NULL, B); }
stab_expr(A) ::= empty_paren WHEN_OP(O) expr(G) stab_op_eol_and_expr(B).
    { A = parse_stab_guard(p, NULL, &O, G, B); }
stab_expr(A) ::= call_args_no_parens_all(X) stab_op_eol_and_expr(B).
    { A = parse_stab_clause(p, parse_unwrap_when(p, X), B); }
stab_expr(A) ::= stab_parens_many(X) stab_op_eol_and_expr(B). { A = parse_stab_clause(p, X, B); }
stab_expr(A) ::= stab_parens_many(X) WHEN_OP(O) expr(G) stab_op_eol_and_expr(B).
    { A = parse_stab_guard(p, X, &O, G, B); }

stab_op_eol_and_expr(A) ::= STAB_OP(O) expr(B). { A = parse_stab_arrow(p, &O, B); }
stab_op_eol_and_expr(A) ::= STAB_OP(O). { A = parse_stab_arrow(p, &O, parse_nil(p)); }

block_item(A) ::= BLOCK_IDENTIFIER(K) stab_eoe(S). { A = parse_block_item(p, &K, S); }
block_item(A) ::= BLOCK_IDENTIFIER(K) eoe stab_eoe(S). { A = parse_block_item(p, &K, S); }
block_item(A) ::= BLOCK_IDENTIFIER(K). { A = parse_block_item(p, &K, NULL); }
block_item(A) ::= BLOCK_IDENTIFIER(K) eoe. { A = parse_block_item(p, &K, NULL); }

block_list(A) ::= block_item(B). { A = parse_list1(p, B); }
block_list(A) ::= block_list(L) block_item(B). { A = parse_append(p, L, B); }

empty_paren ::= LPAREN RPAREN.

// ==== Dots and identifiers ====

dot_identifier(A) ::= IDENTIFIER(T). { A = parse_ident(p, NULL, &T); }
dot_identifier(A) ::= matched_expr(E) DOT IDENTIFIER(T). { A = parse_ident(p, E, &T); }

dot_alias(A) ::= ALIAS(T). { A = parse_alias(p, NULL, &T); }
dot_alias(A) ::= matched_expr(E) DOT ALIAS(T). { A = parse_alias(p, E, &T); }
dot_alias(A) ::= matched_expr(E) DOT LCURLY RCURLY. { A = parse_dot_curly(p, E, NULL); }
dot_alias(A) ::= matched_expr(E) DOT LCURLY container_args(X) RCURLY.
    { A = parse_dot_curly(p, E, X); }

dot_op_identifier(A) ::= OP_IDENTIFIER(T). { A = parse_ident(p, NULL, &T); }
dot_op_identifier(A) ::= matched_expr(E) DOT OP_IDENTIFIER(T). { A = parse_ident(p, E, &T); }

dot_do_identifier(A) ::= DO_IDENTIFIER(T). { A = parse_ident(p, NULL, &T); }
dot_do_identifier(A) ::= matched_expr(E) DOT DO_IDENTIFIER(T). { A = parse_ident(p, E, &T); }

dot_bracket_identifier(A) ::= BRACKET_IDENTIFIER(T). { A = parse_ident(p, NULL, &T); }
dot_bracket_identifier(A) ::= matched_expr(E) DOT BRACKET_IDENTIFIER(T).
    { A = parse_ident(p, E, &T); }

dot_paren_identifier(A) ::= PAREN_IDENTIFIER(T). { A = parse_ident(p, NULL, &T); }
dot_paren_identifier(A) ::= matched_expr(E) DOT PAREN_IDENTIFIER(T). { A = parse_ident(p, E, &T); }

dot_call_identifier(A) ::= dot_paren_identifier(B). { A = B; }
dot_call_identifier(A) ::= matched_expr(E) DOT_CALL_OP(D). { A = parse_at(p, parse_dot_call(p, E), &D); }

// ==== Calls without parentheses ====

call_args_no_parens_expr(A) ::= matched_expr(B). [NO_PARENS_ONE] { A = B; }
call_args_no_parens_expr(A) ::= no_parens_expr(B). { A = parse_no_parens_many_error(p, B); }

call_args_no_parens_comma_expr(A) ::= matched_expr(B) COMMA call_args_no_parens_expr(C).
    { A = parse_append(p, parse_list1(p, B), C); }
call_args_no_parens_comma_expr(A) ::= call_args_no_parens_comma_expr(L) COMMA
                                      call_args_no_parens_expr(C). { A = parse_append(p, L, C); }

call_args_no_parens_all(A) ::= call_args_no_parens_one(B). { A = B; }
call_args_no_parens_all(A) ::= call_args_no_parens_ambig(B). { A = B; }
call_args_no_parens_all(A) ::= call_args_no_parens_many(B). { A = B; }

call_args_no_parens_one(A) ::= call_args_no_parens_kw(K). { A = parse_list1(p, K); }
call_args_no_parens_one(A) ::= matched_expr(B). [NO_PARENS_ONE] { A = parse_list1(p, B); }

call_args_no_parens_ambig(A) ::= no_parens_expr(B). { A = parse_list1(p, B); }

call_args_no_parens_many(A) ::= matched_expr(B) COMMA call_args_no_parens_kw(K).
    { A = parse_append(p, parse_list1(p, B), K); }
call_args_no_parens_many(A) ::= call_args_no_parens_comma_expr(L). [DO] { A = L; }
call_args_no_parens_many(A) ::= call_args_no_parens_comma_expr(L) COMMA call_args_no_parens_kw(K).
    { A = parse_append(p, L, K); }

call_args_no_parens_many_strict(A) ::= call_args_no_parens_many(B). { A = B; }
call_args_no_parens_many_strict(A) ::= LPAREN(T) call_args_no_parens_kw RPAREN.
    { A = parse_strict_parens_error(p, &T); }
call_args_no_parens_many_strict(A) ::= LPAREN(T) call_args_no_parens_many RPAREN.
    { A = parse_strict_parens_error(p, &T); }

stab_parens_many(A) ::= LPAREN call_args_no_parens_kw(K) RPAREN. { A = parse_list1(p, K); }
stab_parens_many(A) ::= LPAREN call_args_no_parens_many(B) RPAREN. { A = B; }

// ==== Containers ====

container_expr(A) ::= matched_expr(B). { A = B; }
container_expr(A) ::= unmatched_expr(B). { A = B; }
container_expr(A) ::= no_parens_expr(B). { A = parse_no_parens_container_error(p, B); }

container_args_base(A) ::= container_expr(B). { A = parse_list1(p, B); }
container_args_base(A) ::= container_args_base(L) COMMA container_expr(B).
    { A = parse_append(p, L, B); }

container_args(A) ::= container_args_base(B). { A = B; }
container_args(A) ::= container_args_base(B) COMMA. { A = B; }
container_args(A) ::= container_args_base(B) COMMA kw_data(K). { A = parse_append(p, B, K); }

// ==== Calls with parentheses ====

call_args_parens_expr(A) ::= matched_expr(B). { A = B; }
call_args_parens_expr(A) ::= unmatched_expr(B). { A = B; }

call_args_parens_base(A) ::= call_args_parens_expr(B). { A = parse_list1(p, B); }
call_args_parens_base(A) ::= call_args_parens_base(L) COMMA call_args_parens_expr(B).
    { A = parse_append(p, L, B); }

call_args_parens(A) ::= LPAREN RPAREN. { A = parse_list0(p); }
call_args_parens(A) ::= LPAREN no_parens_expr(B) RPAREN. { A = parse_list1(p, B); }
call_args_parens(A) ::= LPAREN kw_call(K) RPAREN. { A = parse_list1(p, K); }
call_args_parens(A) ::= LPAREN call_args_parens_base(B) RPAREN. { A = B; }
call_args_parens(A) ::= LPAREN call_args_parens_base(B) COMMA kw_call(K) RPAREN.
    { A = parse_append(p, B, K); }

// ==== Keywords ====

kw_eol(A) ::= KW_IDENTIFIER(T). { A = parse_kw_key(p, &T); }

kw_base(A) ::= kw_eol(K) container_expr(V). { A = parse_list1(p, parse_pair(p, K, V)); }
kw_base(A) ::= kw_base(L) COMMA kw_eol(K) container_expr(V).
    { A = parse_append(p, L, parse_pair(p, K, V)); }

kw_call(A) ::= kw_base(B). { A = B; }
kw_call(A) ::= kw_base(B) COMMA(T). { A = parse_trailing_comma_error(p, B, &T); }

kw_data(A) ::= kw_base(B). { A = B; }
kw_data(A) ::= kw_base(B) COMMA. { A = B; }

call_args_no_parens_kw_expr(A) ::= kw_eol(K) matched_expr(V). [NO_PARENS_ONE]
    { A = parse_pair(p, K, V); }
call_args_no_parens_kw_expr(A) ::= kw_eol(K) no_parens_expr(V). { A = parse_pair(p, K, V); }

call_args_no_parens_kw(A) ::= call_args_no_parens_kw_expr(B). [DO] { A = parse_list1(p, B); }
call_args_no_parens_kw(A) ::= call_args_no_parens_kw_expr(B) COMMA call_args_no_parens_kw(L).
    { A = parse_prepend(p, B, L); }

// ==== Lists, tuples, bitstrings, maps ====

list_args(A) ::= kw_data(K). { A = K; }
list_args(A) ::= container_args_base(B). { A = B; }
list_args(A) ::= container_args_base(B) COMMA. { A = B; }
list_args(A) ::= container_args_base(B) COMMA kw_data(K). { A = parse_concat(p, B, K); }

list(A) ::= LBRACKET RBRACKET. { A = parse_list0(p); }
list(A) ::= LBRACKET list_args(B) RBRACKET. { A = B; }

tuple(A) ::= LCURLY(C) RCURLY. { A = parse_at(p, parse_tuple(p, NULL), &C); }
tuple(A) ::= LCURLY(C) container_args(B) RCURLY. { A = parse_at(p, parse_tuple(p, B), &C); }

bitstring(A) ::= LBIT(C) RBIT. { A = parse_at(p, parse_container(p, "<<>>", NULL), &C); }
bitstring(A) ::= LBIT(C) container_args(B) RBIT. { A = parse_at(p, parse_container(p, "<<>>", B), &C); }

map_base_expr(A) ::= sub_matched_expr(B). { A = B; }
map_base_expr(A) ::= STRUCT_IDENTIFIER(T). { A = parse_ident(p, NULL, &T); }
map_base_expr(A) ::= AT_OP(O) map_base_expr(B). [AT_PREC] { A = parse_unop(p, &O, B); }
map_base_expr(A) ::= UNARY_OP(O) map_base_expr(B). [UNARY_PREC] { A = parse_unop(p, &O, B); }

assoc_expr(A) ::= matched_expr(K) ASSOC_OP matched_expr(V). { A = parse_pair(p, K, V); }
assoc_expr(A) ::= unmatched_expr(K) ASSOC_OP unmatched_expr(V). { A = parse_pair(p, K, V); }
assoc_expr(A) ::= matched_expr(K) ASSOC_OP unmatched_expr(V). { A = parse_pair(p, K, V); }
assoc_expr(A) ::= unmatched_expr(K) ASSOC_OP matched_expr(V). { A = parse_pair(p, K, V); }
assoc_expr(A) ::= map_base_expr(B). { A = B; }

assoc_update(A) ::= matched_expr(M) PIPE_OP(O) assoc_expr(E).
    { A = parse_map_update(p, &O, M, parse_list1(p, E)); }
assoc_update(A) ::= unmatched_expr(M) PIPE_OP(O) assoc_expr(E).
    { A = parse_map_update(p, &O, M, parse_list1(p, E)); }

assoc_update_kw(A) ::= matched_expr(M) PIPE_OP(O) kw_data(K). { A = parse_map_update(p, &O, M, K); }
assoc_update_kw(A) ::= unmatched_expr(M) PIPE_OP(O) kw_data(K).
    { A = parse_map_update(p, &O, M, K); }

assoc_base(A) ::= assoc_expr(B). { A = parse_list1(p, B); }
assoc_base(A) ::= assoc_base(L) COMMA assoc_expr(B). { A = parse_append(p, L, B); }

assoc(A) ::= assoc_base(B). { A = B; }
assoc(A) ::= assoc_base(B) COMMA. { A = B; }

map_close(A) ::= kw_data(K) RCURLY. { A = K; }
map_close(A) ::= assoc(B) RCURLY. { A = B; }
map_close(A) ::= assoc_base(B) COMMA kw_data(K) RCURLY. { A = parse_concat(p, B, K); }

map_args(A) ::= LCURLY(C) RCURLY. { A = parse_at(p, parse_container(p, "%{}", NULL), &C); }
map_args(A) ::= LCURLY(C) map_close(B). { A = parse_at(p, parse_container(p, "%{}", B), &C); }
map_args(A) ::= LCURLY(C) assoc_update(U) RCURLY. { A = parse_at(p, parse_map_args_update(p, U, NULL), &C); }
map_args(A) ::= LCURLY(C) assoc_update(U) COMMA RCURLY. { A = parse_at(p, parse_map_args_update(p, U, NULL), &C); }
map_args(A) ::= LCURLY(C) assoc_update(U) COMMA map_close(B).
    { A = parse_at(p, parse_map_args_update(p, U, B), &C); }
map_args(A) ::= LCURLY(C) assoc_update_kw(U) RCURLY. { A = parse_at(p, parse_map_args_update(p, U, NULL), &C); }

map(A) ::= MAP_OP map_args(B). { A = B; }
map(A) ::= PERCENT(P) map_base_expr(S) map_args(B). { A = parse_at(p, parse_struct(p, S, B), &P); }

