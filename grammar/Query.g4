// The newsgraph query language: a subset of openCypher (DESIGN section 5).
//
// The parser built from this file is used only by query/parser/, which turns
// the parse tree into newsgraph's own AST at once. Rules marked "error
// alternative" accept common mistakes so that the transformer can explain
// them ("use <> instead of !=").
grammar Query;

query
    : ( EXPLAIN | PROFILE )? unionQuery SEMI? EOF
    ;

unionQuery
    : singleQuery ( UNION ALL? singleQuery )*
    ;

singleQuery
    : clause* returnClause?
    ;

clause
    : matchClause
    | callClause
    | withClause
    ;

matchClause
    : OPTIONAL? MATCH pattern ( COMMA pattern )* whereClause?
    ;

withClause
    : WITH DISTINCT? returnItems orderClause? skipClause? limitClause? whereClause?
    ;

callClause
    : CALL procedureName LPAREN ( expression ( COMMA expression )* )? RPAREN
      ( YIELD yieldItem ( COMMA yieldItem )* )? whereClause?
    ;

procedureName
    : symbolicName ( DOT symbolicName )*
    ;

yieldItem
    : symbolicName ( AS symbolicName )?
    ;

whereClause
    : WHERE expression
    ;

returnClause
    : RETURN DISTINCT? returnItems orderClause? skipClause? limitClause?
    ;

returnItems
    : STAR
    | returnItem ( COMMA returnItem )*
    ;

returnItem
    : expression ( AS symbolicName )?
    ;

orderClause
    : ORDER BY sortItem ( COMMA sortItem )*
    ;

sortItem
    : expression ( ASC | ASCENDING | DESC | DESCENDING )?
    ;

skipClause
    : SKIP_ expression
    ;

limitClause
    : LIMIT expression
    ;

pattern
    : ( symbolicName EQ )? patternElement
    ;

patternElement
    : shortestKind LPAREN nodePattern relationshipPattern nodePattern RPAREN
    | nodePattern ( relationshipPattern nodePattern )*
    | LPAREN patternElement RPAREN
    ;

shortestKind
    : SHORTESTPATH
    | ALLSHORTESTPATHS
    ;

nodePattern
    : LPAREN symbolicName? nodeLabels? properties? RPAREN
    ;

nodeLabels
    : ( COLON symbolicName )+
    ;

relationshipPattern
    : LT? DASH relationshipDetail? DASH GT?
    | LT? ARROW_BODY GT?
    ;

relationshipDetail
    : LBRACKET symbolicName? relationshipTypes? rangeLiteral? properties? RBRACKET
    ;

relationshipTypes
    : COLON symbolicName ( PIPE COLON? symbolicName )*
    ;

rangeLiteral
    : STAR integerLiteral? ( DOTDOT integerLiteral? )?
    ;

properties
    : mapLiteral
    | parameter
    ;

expression
    : orExpression
    ;

orExpression
    : xorExpression ( OR xorExpression )*
    ;

xorExpression
    : andExpression ( XOR andExpression )*
    ;

andExpression
    : notExpression ( AND notExpression )*
    ;

notExpression
    : NOT* comparisonExpression
    ;

comparisonExpression
    : predicateExpression ( comparisonOperator predicateExpression )*
    ;

comparisonOperator
    : EQ | NEQ | LT | GT | LE | GE
    | BANG_EQ            // error alternative: != (Cypher writes <>)
    | EQEQ               // error alternative: == (Cypher writes =)
    ;

predicateExpression
    : additiveExpression predicateSuffix*
    ;

predicateSuffix
    : STARTS WITH additiveExpression
    | ENDS WITH additiveExpression
    | CONTAINS additiveExpression
    | IN additiveExpression
    | REGEX_MATCH additiveExpression
    | IS NOT? NULL_
    ;

additiveExpression
    : multiplicativeExpression ( ( PLUS | DASH ) multiplicativeExpression )*
    ;

multiplicativeExpression
    : unaryExpression ( ( STAR | SLASH | PERCENT ) unaryExpression )*
    ;

unaryExpression
    : ( PLUS | DASH ) unaryExpression
    | postfixExpression
    ;

postfixExpression
    : atom postfixSuffix*
    ;

postfixSuffix
    : DOT propertyKey
    | LBRACKET expression RBRACKET
    ;

propertyKey
    : symbolicName
    ;

atom
    : literal
    | parameter
    | countStar
    | caseExpression
    | functionCall
    | listLiteral
    | mapLiteral
    | LPAREN expression RPAREN
    | symbolicName
    ;

countStar
    : COUNT LPAREN STAR RPAREN
    ;

caseExpression
    : CASE expression? ( WHEN expression THEN expression )+ ( ELSE expression )? END
    ;

functionCall
    : functionName LPAREN DISTINCT? ( expression ( COMMA expression )* )? RPAREN
    ;

functionName
    : symbolicName ( DOT symbolicName )*
    ;

literal
    : integerLiteral
    | DECIMAL
    | STRING
    | TRUE_
    | FALSE_
    | NULL_
    ;

integerLiteral
    : INTEGER
    ;

listLiteral
    : LBRACKET ( expression ( COMMA expression )* )? RBRACKET
    ;

mapLiteral
    : LBRACE ( mapEntry ( COMMA mapEntry )* )? RBRACE
    ;

mapEntry
    : propertyKey COLON expression
    ;

parameter
    : DOLLAR ( symbolicName | INTEGER )
    ;

// Keywords that may also name variables, properties and functions.
symbolicName
    : IDENTIFIER
    | ESCAPED_IDENTIFIER
    | COUNT | ALL | ASC | ASCENDING | DESC | DESCENDING | CONTAINS | STARTS | ENDS
    | SHORTESTPATH | ALLSHORTESTPATHS | YIELD | EXPLAIN | PROFILE | ORDER | BY | SKIP_ | LIMIT
    | END | WHEN | THEN | ELSE | CASE | XOR
    ;

// ---- lexer -------------------------------------------------------------------

EXPLAIN : E X P L A I N ;
PROFILE : P R O F I L E ;
MATCH : M A T C H ;
OPTIONAL : O P T I O N A L ;
WHERE : W H E R E ;
RETURN : R E T U R N ;
WITH : W I T H ;
DISTINCT : D I S T I N C T ;
AS : A S ;
ORDER : O R D E R ;
BY : B Y ;
ASC : A S C ;
ASCENDING : A S C E N D I N G ;
DESC : D E S C ;
DESCENDING : D E S C E N D I N G ;
SKIP_ : S K I P ;
LIMIT : L I M I T ;
UNION : U N I O N ;
ALL : A L L ;
CALL : C A L L ;
YIELD : Y I E L D ;
AND : A N D ;
OR : O R ;
XOR : X O R ;
NOT : N O T ;
IN : I N ;
IS : I S ;
NULL_ : N U L L ;
TRUE_ : T R U E ;
FALSE_ : F A L S E ;
STARTS : S T A R T S ;
ENDS : E N D S ;
CONTAINS : C O N T A I N S ;
COUNT : C O U N T ;
CASE : C A S E ;
WHEN : W H E N ;
THEN : T H E N ;
ELSE : E L S E ;
END : E N D ;
SHORTESTPATH : S H O R T E S T P A T H ;
ALLSHORTESTPATHS : A L L S H O R T E S T P A T H S ;

ARROW_BODY : '--' ;
DOTDOT : '..' ;
REGEX_MATCH : '=~' ;
NEQ : '<>' ;
BANG_EQ : '!=' ;
EQEQ : '==' ;
LE : '<=' ;
GE : '>=' ;
EQ : '=' ;
LT : '<' ;
GT : '>' ;
DASH : '-' | '\u2013' | '\u2014' | '\u2212' ;
PLUS : '+' ;
STAR : '*' ;
SLASH : '/' ;
PERCENT : '%' ;
COMMA : ',' ;
COLON : ':' ;
SEMI : ';' ;
DOT : '.' ;
PIPE : '|' ;
DOLLAR : '$' ;
LPAREN : '(' ;
RPAREN : ')' ;
LBRACKET : '[' ;
RBRACKET : ']' ;
LBRACE : '{' ;
RBRACE : '}' ;

INTEGER : [0-9]+ ;
DECIMAL : [0-9]+ '.' [0-9]+ ( [eE] [+-]? [0-9]+ )? | [0-9]+ [eE] [+-]? [0-9]+ ;

STRING
    : '"' ( ~["\\\r\n] | ESCAPE )* '"'
    | '\'' ( ~['\\\r\n] | ESCAPE )* '\''
    ;

fragment ESCAPE : '\\' ( ["'\\/bfnrt] | 'u' HEX HEX HEX HEX ) ;
fragment HEX : [0-9a-fA-F] ;

IDENTIFIER : [\p{L}_] [\p{L}\p{N}\p{Mn}\p{Mc}_]* ;
ESCAPED_IDENTIFIER : '`' ~[`]+ '`' ;

LINE_COMMENT : '//' ~[\r\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;
WS : [ \t\r\n\u00A0\u200E\u200F\u2066-\u2069]+ -> skip ;

// Anything else becomes a token the parser rejects with a clear message.
UNKNOWN_CHAR : . ;

fragment A : [aA] ; fragment B : [bB] ; fragment C : [cC] ; fragment D : [dD] ;
fragment E : [eE] ; fragment F : [fF] ; fragment G : [gG] ; fragment H : [hH] ;
fragment I : [iI] ; fragment J : [jJ] ; fragment K : [kK] ; fragment L : [lL] ;
fragment M : [mM] ; fragment N : [nN] ; fragment O : [oO] ; fragment P : [pP] ;
fragment Q : [qQ] ; fragment R : [rR] ; fragment S : [sS] ; fragment T : [tT] ;
fragment U : [uU] ; fragment V : [vV] ; fragment W : [wW] ; fragment X : [xX] ;
fragment Y : [yY] ; fragment Z : [zZ] ;
