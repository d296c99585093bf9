#!/usr/bin/env python3
# Writes the response bodies of tests/test-corpus.c into this folder, one
# file a case; kept as the readable source of files whose bytes are not
# (invalid UTF-8, UTF-16, raw control characters). The files are what the
# test reads: run this (it replaces every .json here) only to add or
# change cases, then regenerate tests/data/corpus.expected (see the top
# of tests/test-corpus.c) and read the difference.
#
#   python3 tests/data/corpus/generate.py
#
# Names follow JSONTestSuite (https://github.com/nst/JSONTestSuite):
#   y_  strict JSON (RFC 8259), which the parser must accept (a bare
#       value is then still refused as not a list of assistants)
#   n_  not strict JSON, which must be refused
#   i_  left to the implementation by RFC 8259 (numbers beyond double,
#       surrogate escapes without their other half, text that is not
#       UTF-8, nesting)
#   a_  the application's own rules: envelopes, ids, dates, fields
# A bare JSON value is not a list of assistants, so most y_ and i_ values
# sit inside an assistant: as its name (strings) and as a variable, or as
# its variables (objects). Some stay bare documents, as in JSONTestSuite.

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BOM = '\ufeff'

cases = {}


def case(name, body):
    if isinstance(body, str):
        body = body.encode('utf-8')
    assert name not in cases, name
    assert all(c.isalnum() or c in '_+-.' for c in name), name
    cases[name] = body


def b(text):
    """Text to bytes, where \\xNN escapes in a Python bytes literal are
    not convenient: latin-1 keeps every code point below 256 a byte."""
    return text.encode('latin-1') if isinstance(text, str) else text


def join(*parts):
    return b''.join(p.encode('utf-8') if isinstance(p, str) else p for p in parts)


def in_var(value):
    """VALUE as the variable "v" of an assistant"""
    return join('[{"id": 1, "variables": {"v": ', value, '}}]')


def in_vars(obj):
    """OBJ as the variables of an assistant"""
    return join('[{"id": 1, "variables": ', obj, '}]')


def in_str(string):
    """A string as an assistant's name and as its variable "v" """
    return join('[{"id": 1, "name": ', string, ', "variables": {"v": ', string, '}}]')


def nested(depth, inner='1'):
    return '[' * depth + inner + ']' * depth


# Variables are at depth 3 (root array, assistant, variables): a value of
# n nested arrays there makes the document 3 + n deep.
def nested_in_var(total_depth):
    return in_var(nested(total_depth - 3))


# --- y_: accepted ----------------------------------------------------------

# Arrays, as a variable's value
case('y_array_arraysWithSpaces', in_var('[[]   ]'))
case('y_array_empty-string', in_var('[""]'))
case('y_array_empty', in_var('[]'))
case('y_array_ending_with_newline', join(in_var('["a"]'), '\n'))
case('y_array_false', in_var('[false]'))
case('y_array_heterogeneous', in_var('[null, 1, "1", {}]'))
case('y_array_null', in_var('[null]'))
case('y_array_with_1_and_newline', in_var('[1\n]'))
case('y_array_with_leading_space', join(' ', in_var('[1]')))
case('y_array_with_several_null', in_var('[1,null,null,null,2]'))
case('y_array_with_trailing_space', join(in_var('[2]'), ' '))

# Numbers, as a variable's value
case('y_number', in_var('123e65'))
case('y_number_0e+1', in_var('0e+1'))
case('y_number_0e1', in_var('0e1'))
case('y_number_after_space', in_var(' 4'))
case('y_number_double_close_to_zero', in_var('-0.000000000000000000000000000000000000000000000000000000000000000000000000000001'))
case('y_number_int_with_exp', in_var('20e1'))
case('y_number_minus_zero', in_var('-0'))
case('y_number_negative_int', in_var('-123'))
case('y_number_negative_one', in_var('-1'))
case('y_number_negative_zero_real', in_var('-0.0'))
case('y_number_negative_zero_exp', in_var('-0e0'))
case('y_number_real_capital_e', in_var('1E22'))
case('y_number_real_capital_e_neg_exp', in_var('1E-2'))
case('y_number_real_capital_e_pos_exp', in_var('1E+2'))
case('y_number_real_exponent', in_var('123e45'))
case('y_number_real_fraction_exponent', in_var('123.456e78'))
case('y_number_real_neg_exp', in_var('1e-2'))
case('y_number_real_pos_exponent', in_var('1e+2'))
case('y_number_simple_int', in_var('123'))
case('y_number_simple_real', in_var('123.456789'))
case('y_number_0.1', in_var('0.1'))
case('y_number_0.1_long', in_var('0.1000000000000000055511151231257827021181583404541015625'))
case('y_number_1.0', in_var('1.0'))
case('y_number_exp_leading_zeros', in_var('1e007'))
case('y_number_int64_max', in_var('9223372036854775807'))
case('y_number_int64_min', in_var('-9223372036854775808'))
case('y_number_2_pow_53_plus_1', in_var('9007199254740993'))
case('y_number_2_pow_53_plus_1_real', in_var('9007199254740993.0'))
case('y_number_double_max', in_var('1.7976931348623157e308'))
case('y_number_double_min_normal', in_var('2.2250738585072014e-308'))
case('y_number_double_min_subnormal', in_var('5e-324'))
case('y_number_pi_digits', in_var('3.14159265358979323846264338327950288'))
case('y_number_1e21', in_var('1e21'))
case('y_number_1e15_real', in_var('1000000000000000.0'))
case('y_number_1e16_real', in_var('10000000000000000.5'))
case('y_number_third', in_var('0.3333333333333333'))
case('y_number_all_forms', in_var('[0, -0, 1, -1, 0.5, -0.5, 1e2, 1E2, 1e+2, 1e-2, 1.5e3, -1.5E-3]'))

# Objects, as the variables
case('y_object', in_vars('{"asd":"sdf", "dfg":"fgh"}'))
case('y_object_basic', in_vars('{"asd":"sdf"}'))
case('y_object_duplicated_key', in_vars('{"a":"b","a":"c"}'))
case('y_object_duplicated_key_and_value', in_vars('{"a":"b","a":"b"}'))
case('y_object_duplicated_key_order', in_vars('{"b":1,"a":2,"b":3,"c":4,"a":5}'))
case('y_object_empty', in_vars('{}'))
case('y_object_empty_key', in_vars('{"":0}'))
case('y_object_escaped_null_in_key', in_vars(r'{"foo\u0000bar": 42}'))
case('y_object_extreme_numbers', in_vars('{ "min": -1.0e+28, "max": 1.0e+28 }'))
case('y_object_long_strings', in_vars('{"x":[{"id": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}], "id": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}'))
case('y_object_simple', in_vars('{"a":[]}'))
case('y_object_string_unicode', in_vars(r'{"title":"\u041f\u043e\u043b\u0442\u043e\u0440\u0430 \u0417\u0435\u043c\u043b\u0435\u043a\u043e\u043f\u0430" }'))
case('y_object_with_newlines', in_vars('{\n"a": "b"\n}'))
case('y_object_escaped_keys', in_vars(r'{"\u0061": 1, "\"q\"": 2, "back\\slash": 3, "tab\tkey": 4}'))
case('y_object_key_order_kept', in_vars('{"z": 1, "a": 2, "m": 3, "b": 4}'))

# Strings, as the name and a variable
case('y_string_1_2_3_bytes_UTF-8_sequences', in_str(r'"\u0060\u012a\u12AB"'))
case('y_string_accepted_surrogate_pair', in_str(r'"\uD801\udc37"'))
case('y_string_accepted_surrogate_pairs', in_str(r'"\ud83d\ude39\ud83d\udc8d"'))
case('y_string_allowed_escapes', in_str(r'"\"\\\/\b\f\n\r\t"'))
case('y_string_backslash_and_u_escaped_zero', in_str(r'"\\u0000"'))
case('y_string_backslash_doublequotes', in_str(r'"\""'))
case('y_string_comments', in_str('"a/*b*/c/*d//e"'))
case('y_string_double_escape_a', in_str(r'"\\a"'))
case('y_string_double_escape_n', in_str(r'"\\n"'))
case('y_string_escaped_control_character', in_str(r'"\u0012"'))
case('y_string_escaped_controls_all', in_str('"' + ''.join('\\u%04x' % c for c in range(1, 32)) + '\\u007f"'))
case('y_string_escaped_noncharacter', in_str(r'"\uFFFF"'))
case('y_string_in_array', in_var('["asd"]'))
case('y_string_in_array_with_leading_space', in_var('[ "asd"]'))
case('y_string_last_surrogates_1_and_2', in_str(r'"\uDBFF\uDFFF"'))
case('y_string_nbsp_uescaped', in_str(r'"new\u00A0line"'))
case('y_string_nonCharacterInUTF-8_U+10FFFF', in_str('"\U0010FFFF"'))
case('y_string_nonCharacterInUTF-8_U+FFFF', in_str('"\uFFFF"'))
case('y_string_null_escape', in_str(r'"\u0000"'))
case('y_string_null_escape_inside', in_str(r'"abc\u0000def"'))
case('y_string_one-byte-utf-8', in_str(r'"\u002c"'))
case('y_string_pi', in_str('"π"'))
case('y_string_reservedCharacterInUTF-8_U+1BFFF', in_str('"\U0001BFFF"'))
case('y_string_simple_ascii', in_str('"asd "'))
case('y_string_space', in_str('" "'))
case('y_string_empty', in_str('""'))
case('y_string_surrogates_U+1D11E_MUSICAL_SYMBOL_G_CLEF', in_str(r'"\uD834\uDd1e"'))
case('y_string_three-byte-utf-8', in_str(r'"\u0821"'))
case('y_string_two-byte-utf-8', in_str(r'"\u0123"'))
case('y_string_u+2028_line_sep', in_str('"\u2028"'))
case('y_string_u+2029_par_sep', in_str('"\u2029"'))
case('y_string_uEscape', in_str(r'"\u0061\u30af\u30EA\u30b9"'))
case('y_string_uescaped_newline', in_str(r'"new\u000Aline"'))
case('y_string_unescaped_char_delete', in_str('"\x7f"'))
case('y_string_unicode', in_str(r'"\uA66D"'))
case('y_string_unicodeEscapedBackslash', in_str(r'"\u005C"'))
case('y_string_unicode_2', in_str('"⍂㈴⍂"'))
case('y_string_unicode_U+10FFFE_nonchar', in_str(r'"\uDBFF\uDFFE"'))
case('y_string_unicode_U+1FFFE_nonchar', in_str(r'"\uD83F\uDFFE"'))
case('y_string_unicode_U+200B_ZERO_WIDTH_SPACE', in_str(r'"\u200B"'))
case('y_string_unicode_U+2064_invisible_plus', in_str(r'"\u2064"'))
case('y_string_unicode_U+FDD0_nonchar', in_str(r'"\uFDD0"'))
case('y_string_unicode_U+FFFE_nonchar', in_str(r'"\uFFFE"'))
case('y_string_unicode_escaped_double_quote', in_str(r'"\u0022"'))
case('y_string_utf8', in_str('"€𝄞"'))
case('y_string_with_del_character', in_str('"a\x7fa"'))
case('y_string_bom_inside', in_str('"a\ufeffb"'))
case('y_string_bom_escaped', in_str(r'"\ufeff"'))
case('y_string_nbsp_raw', in_str('"a\u00a0b"'))
case('y_string_combining', in_str('"e\u0301 \u00e9"'))
case('y_string_bulgarian', in_str('"Асистент за продажби"'))
case('y_string_long', in_str('"' + 'abcdefghij' * 100 + '"'))

# Structure
case('y_structure_lonely_false', 'false')
case('y_structure_lonely_int', '42')
case('y_structure_lonely_negative_real', '-0.1')
case('y_structure_lonely_null', 'null')
case('y_structure_lonely_string', '"asd"')
case('y_structure_lonely_true', 'true')
case('y_structure_string_empty', '""')
case('y_structure_trailing_newline', '["a"]\n')
case('y_structure_true_in_array', '[true]')
case('y_structure_whitespace_array', ' [] ')
case('y_structure_lonely_object', '{"asd":"sdf"}')
case('y_structure_whitespace_all_kinds',
     ' \t\r\n[ \t\r\n{ \t\r\n"id" \t\r\n: \t\r\n1 \t\r\n, \t\r\n"variables" \t\r\n: \t\r\n'
     '{ \t\r\n"v" \t\r\n: \t\r\n[ \t\r\n1 \t\r\n, \t\r\ntrue \t\r\n] \t\r\n} \t\r\n} \t\r\n] \t\r\n')
case('y_structure_crlf_pretty', '[\r\n  {\r\n    "id": 1,\r\n    "name": "CRLF"\r\n  }\r\n]\r\n')
case('y_structure_no_whitespace', '[{"id":1,"name":"a","variables":{"v":[1,{"w":null}]}},{"id":2}]')
case('y_structure_nested_63', nested_in_var(63))
case('y_structure_nested_64', nested_in_var(64))
case('y_structure_nested_objects_64', in_var('{"a":' * 61 + '1' + '}' * 61))
case('y_structure_bare_nested_arrays_64', nested(64))
case('y_structure_UTF-8_BOM_list', join(BOM, '[{"id": 1, "name": "after a BOM"}]'))

# --- n_: refused ------------------------------------------------------------

# Arrays
case('n_array_1_true_without_comma', in_var('[1 true]'))
case('n_array_a_invalid_utf8', in_var(b('[a\xe5]')))
case('n_array_colon_instead_of_comma', in_var('["": 1]'))
case('n_array_comma_after_close', in_var('[""],'))
case('n_array_comma_and_number', in_var('[,1]'))
case('n_array_double_comma', in_var('[1,,2]'))
case('n_array_double_extra_comma', in_var('["x",,]'))
case('n_array_extra_close', in_var('["x"]]'))
case('n_array_extra_comma', in_var('["",]'))
case('n_array_incomplete', '[{"id": 1, "variables": {"v": ["x"')
case('n_array_incomplete_invalid_value', in_var('[x'))
case('n_array_inner_array_no_comma', in_var('[3[4]]'))
case('n_array_invalid_utf8', in_var(b('[\xff]')))
case('n_array_items_separated_by_semicolon', in_var('[1:2]'))
case('n_array_just_comma', in_var('[,]'))
case('n_array_just_minus', in_var('[-]'))
case('n_array_missing_value', in_var('[   , ""]'))
case('n_array_newlines_unclosed', '[{"id": 1, "variables": {"v": ["a",\n4\n,1,')
case('n_array_number_and_comma', in_var('[1,]'))
case('n_array_number_and_several_commas', in_var('[1,,]'))
case('n_array_spaces_vertical_tab_formfeed', in_var('["\x0ba"\\f]'))
case('n_array_star_inside', in_var('[*]'))
case('n_array_unclosed', '[""')
case('n_array_unclosed_trailing_comma', '[1,')
case('n_array_unclosed_with_new_lines', '[1,\n1\n,1')
case('n_array_unclosed_with_object_inside', '[{}')
case('n_array_list_trailing_comma', '[{"id": 1},]')
case('n_array_list_missing_comma', '[{"id": 1} {"id": 2}]')
case('n_array_list_leading_comma', '[,{"id": 1}]')

# Literals
case('n_incomplete_false', in_var('fals'))
case('n_incomplete_null', in_var('nul'))
case('n_incomplete_true', in_var('tru'))
case('n_literal_capitalized_True', in_var('True'))
case('n_literal_capitalized_NULL', in_var('NULL'))
case('n_literal_undefined', in_var('undefined'))

# Numbers
case('n_multidigit_number_then_00', in_var(b('123\x00')))
case('n_number_++', in_var('++1234'))
case('n_number_+1', in_var('+1'))
case('n_number_+Inf', in_var('+Inf'))
case('n_number_-01', in_var('-01'))
case('n_number_-1.0.', in_var('-1.0.'))
case('n_number_-2.', in_var('-2.'))
case('n_number_-NaN', in_var('-NaN'))
case('n_number_.-1', in_var('.-1'))
case('n_number_.2e-3', in_var('.2e-3'))
case('n_number_0.1.2', in_var('0.1.2'))
case('n_number_0.3e+', in_var('0.3e+'))
case('n_number_0.3e', in_var('0.3e'))
case('n_number_0.e1', in_var('0.e1'))
case('n_number_0_capital_E+', in_var('0E+'))
case('n_number_0_capital_E', in_var('0E'))
case('n_number_0e+', in_var('0e+'))
case('n_number_0e', in_var('0e'))
case('n_number_1.0e+', in_var('1.0e+'))
case('n_number_1.0e-', in_var('1.0e-'))
case('n_number_1.0e', in_var('1.0e'))
case('n_number_1_000', in_var('1 000.0'))
case('n_number_1eE2', in_var('1eE2'))
case('n_number_2.e+3', in_var('2.e+3'))
case('n_number_2.e-3', in_var('2.e-3'))
case('n_number_2.e3', in_var('2.e3'))
case('n_number_9.e+', in_var('9.e+'))
case('n_number_Inf', in_var('Inf'))
case('n_number_Infinity', in_var('Infinity'))
case('n_number_NaN', in_var('NaN'))
case('n_number_U+FF11_fullwidth_digit_one', in_var('\uff11'))
case('n_number_arabic_indic_digit', in_var('\u0661'))
case('n_number_expression', in_var('1+2'))
case('n_number_hex_1_digit', in_var('0x1'))
case('n_number_hex_2_digits', in_var('0x42'))
case('n_number_infinity', in_var('infinity'))
case('n_number_invalid+-', in_var('0e+-1'))
case('n_number_invalid-negative-real', in_var('-123.123foo'))
case('n_number_invalid-utf-8-in-bigger-int', in_var(b('123\xe5')))
case('n_number_invalid-utf-8-in-exponent', in_var(b('1e1\xe5')))
case('n_number_invalid-utf-8-in-int', in_var(b('0\xe5')))
case('n_number_minus_infinity', in_var('-Infinity'))
case('n_number_minus_sign_with_trailing_garbage', in_var('-foo'))
case('n_number_minus_space_1', in_var('- 1'))
case('n_number_neg_int_starting_with_zero', in_var('-012'))
case('n_number_neg_real_without_int_part', in_var('-.123'))
case('n_number_neg_with_garbage_at_end', in_var('-1x'))
case('n_number_real_garbage_after_e', in_var('1ea'))
case('n_number_real_with_invalid_utf8_after_e', in_var(b('1e\xe5')))
case('n_number_real_without_fractional_part', in_var('1.'))
case('n_number_starting_with_dot', in_var('.5'))
case('n_number_with_alpha', in_var('1.2a-3'))
case('n_number_with_alpha_char', in_var('1.8011670033376514H-308'))
case('n_number_with_leading_zero', in_var('012'))
case('n_number_leading_zeros_00', in_var('00'))
case('n_number_double_minus', in_var('--1'))
case('n_number_comma_decimal', in_var('1,5'))
case('n_number_id_hex', '[{"id": 0x10}]')
case('n_number_id_plus', '[{"id": +1}]')

# Objects
case('n_object_bad_value', in_vars('["x", truth]'))
case('n_object_bracket_key', in_vars('{[: "x"}'))
case('n_object_comma_instead_of_colon', in_vars('{"x", null}'))
case('n_object_double_colon', in_vars('{"x"::"b"}'))
case('n_object_emoji', in_vars('{\U0001F1E8\U0001F1ED}'))
case('n_object_garbage_at_end', in_vars('{"a":"a" 123}'))
case('n_object_key_with_single_quotes', in_vars("{key: 'value'}"))
case('n_object_lone_continuation_byte_in_key_and_trailing_comma', in_vars(b('{"\xb9":"0",}')))
case('n_object_missing_colon', in_vars('{"a" b}'))
case('n_object_missing_key', in_vars('{:"b"}'))
case('n_object_missing_semicolon', in_vars('{"a" "b"}'))
case('n_object_missing_value', in_vars('{"a":'))
case('n_object_no-colon', in_vars('{"a"'))
case('n_object_non_string_key', in_vars('{1:1}'))
case('n_object_non_string_key_but_huge_number_instead', in_vars('{9999E9999:1}'))
case('n_object_repeated_null_null', in_vars('{null:null,null:null}'))
case('n_object_several_trailing_commas', in_vars('{"id":0,,,,,}'))
case('n_object_single_quote', in_vars("{'a':0}"))
case('n_object_trailing_comma', in_vars('{"id":0,}'))
case('n_object_trailing_comment', in_vars('{"a":"b"}/**/'))
case('n_object_trailing_comment_open', in_vars('{"a":"b"}/**//'))
case('n_object_trailing_comment_slash_open', in_vars('{"a":"b"}//'))
case('n_object_trailing_comment_slash_open_incomplete', in_vars('{"a":"b"}/'))
case('n_object_two_commas_in_a_row', in_vars('{"a":"b",,"c":"d"}'))
case('n_object_unquoted_key', in_vars('{a: "b"}'))
case('n_object_unterminated-value', in_vars('{"a":"a'))
case('n_object_with_single_string', in_vars('{ "foo" : "bar", "a" }'))
case('n_object_with_trailing_garbage', in_vars('{"a":"b"}#'))
case('n_object_assistant_trailing_comma', '[{"id": 1, "name": "x",}]')
case('n_object_assistant_missing_comma', '[{"id": 1 "name": "x"}]')
case('n_object_assistant_unquoted_key', '[{id: 1}]')
case('n_object_comment_inside', '[{"id": 1, /* c */ "name": "x"}]')
case('n_object_line_comment_inside', '[{"id": 1, // c\n "name": "x"}]')

# Strings
case('n_string_1_surrogate_then_escape', in_str(r'"\uD800\"'))
case('n_string_1_surrogate_then_escape_u', in_str(r'"\uD800\u"'))
case('n_string_1_surrogate_then_escape_u1', in_str(r'"\uD800\u1"'))
case('n_string_1_surrogate_then_escape_u1x', in_str(r'"\uD800\u1x"'))
case('n_string_accentuated_char_no_quotes', in_var('é'))
case('n_string_backslash_00', in_str(b('"\\\x00"')))
case('n_string_escape_x', in_str(r'"\x00"'))
case('n_string_escaped_backslash_bad', in_str(r'"\\\"'))
case('n_string_escaped_ctrl_char_tab', in_str('"\\\t"'))
case('n_string_escaped_emoji', in_str('"\\\U0001F300"'))
case('n_string_escape_a', in_str(r'"\a"'))
case('n_string_escape_apostrophe', in_str(r'"\'"'))
case('n_string_escape_capital_N', in_str(r'"\N"'))
case('n_string_incomplete_escape', in_str(r'"\"'))
case('n_string_incomplete_escaped_character', in_str(r'"\u00A"'))
case('n_string_incomplete_surrogate', in_str(r'"\uD834\uDd"'))
case('n_string_incomplete_surrogate_escape_invalid', in_str(r'"\uD800\uD800\x"'))
case('n_string_invalid-utf-8-in-escape', in_str(b('"\\u\xe5"')))
case('n_string_invalid_backslash_esc', in_str(r'"\z"'))
case('n_string_invalid_unicode_escape', in_str(r'"\uqqqq"'))
case('n_string_invalid_utf8_after_escape', in_str(b('"\\\xe5"')))
case('n_string_leading_uescaped_thinspace', in_var(r'\u0020"asd"'))
case('n_string_no_quotes_with_bad_escape', in_var(r'\n'))
case('n_string_single_doublequote', in_var('"'))
case('n_string_single_quote', in_str("'single quote'"))
case('n_string_single_string_no_double_quotes', in_var('abc'))
case('n_string_start_escape_unclosed', '[{"id": 1, "name": "\\')
case('n_string_unescaped_ctrl_char', in_str(b('"a\x00a"')))
case('n_string_unescaped_ctrl_char_01', in_str(b('"a\x01a"')))
case('n_string_unescaped_ctrl_char_1f', in_str(b('"a\x1fa"')))
case('n_string_unescaped_newline', in_str('"new\nline"'))
case('n_string_unescaped_carriage_return', in_str('"new\rline"'))
case('n_string_unescaped_tab', in_str('"\t"'))
case('n_string_unicode_CapitalU', in_str(r'"\UA66D"'))
case('n_string_unicode_short_escape', in_str(r'"\u12"'))
case('n_string_with_trailing_garbage', in_var('""x'))
case('n_string_unclosed_at_end', '[{"id": 1, "name": "abc')

# Structure
case('n_structure_100000_opening_arrays', '[' * 100000)
case('n_structure_U+2060_word_joined', in_var('[\u2060]'))
case('n_structure_UTF8_BOM_no_data', BOM)
case('n_structure_angle_bracket_.', '<.>')
case('n_structure_angle_bracket_null', in_var('<null>'))
case('n_structure_array_trailing_garbage', '[{"id": 1}]x')
case('n_structure_array_with_extra_array_close', '[{"id": 1}]]')
case('n_structure_array_with_unclosed_string', '[{"id": 1, "name": "asd]')
case('n_structure_ascii-unicode-identifier', 'aå')
case('n_structure_bom_twice', join(BOM, BOM, '[{"id": 1}]'))
case('n_structure_bom_after_space', join(' ', BOM, '[{"id": 1}]'))
case('n_structure_bom_between_tokens', join('[', BOM, '{"id": 1}]'))
case('n_structure_capitalized_True', '[True]')
case('n_structure_close_unopened_array', '1]')
case('n_structure_comma_instead_of_closing_brace', '{"x": true,')
case('n_structure_double_array', '[][]')
case('n_structure_two_lists', '[{"id": 1}][{"id": 2}]')
case('n_structure_two_lists_newline', '[{"id": 1}]\n[{"id": 2}]\n')
case('n_structure_end_array', ']')
case('n_structure_incomplete_UTF8_BOM', b('\xef\xbb{}'))
case('n_structure_incomplete_UTF8_BOM_list', b('\xef\xbb[{"id": 1}]'))
case('n_structure_lone-invalid-utf-8', b('\xe5'))
case('n_structure_lone-open-bracket', '[')
case('n_structure_null-byte-outside-string', b('[{"id": 1}\x00]'))
case('n_structure_number_with_trailing_garbage', '2@')
case('n_structure_object_followed_by_closing_object', '{}}')
case('n_structure_object_unclosed_no_value', '{"":')
case('n_structure_object_with_comment', '{"a":/*comment*/"b"}')
case('n_structure_object_with_trailing_garbage', '{"data": [{"id": 1}]} "x"')
case('n_structure_open_array_apostrophe', "['")
case('n_structure_open_array_comma', '[,')
case('n_structure_open_array_open_object', '[{')
case('n_structure_open_array_open_string', '["a')
case('n_structure_open_array_string', '["a"')
case('n_structure_open_object', '{')
case('n_structure_open_object_close_array', '{]')
case('n_structure_open_object_comma', '{,')
case('n_structure_open_object_open_array', '{[')
case('n_structure_open_object_open_string', '{"a')
case('n_structure_open_object_string_with_apostrophes', "{'a'")
case('n_structure_open_open', '["\\{["\\{["\\{["\\{')
case('n_structure_single_eacute', b('\xe9'))
case('n_structure_single_star', '*')
case('n_structure_trailing_hash', '{"a":"b"}#{}')
case('n_structure_uescaped_LF_before_string', '[\\u000A""]')
case('n_structure_unclosed_array', '[1')
case('n_structure_unclosed_array_partial_null', '[ false, nul')
case('n_structure_unclosed_array_unfinished_false', '[ true, fals')
case('n_structure_unclosed_array_unfinished_true', '[ false, tru')
case('n_structure_unclosed_object', '{"asd":"asd"')
case('n_structure_unicode-identifier', 'å')
case('n_structure_whitespace_U+2060_word_joiner', '[\u2060]')
case('n_structure_whitespace_formfeed', '[\f]')
case('n_structure_whitespace_formfeed_list', '[{"id": 1}]\f')
case('n_structure_whitespace_vertical_tab', '[{"id": 1},\x0b{"id": 2}]')
case('n_structure_whitespace_nbsp', '[{"id":\u00a01}]')
case('n_structure_whitespace_ideographic_space', '[{"id": 1}]\u3000')
case('n_structure_nested_65', nested_in_var(65))
case('n_structure_nested_objects_65', in_var('{"a":' * 62 + '1' + '}' * 62))
case('n_structure_bare_nested_arrays_65', nested(65))
case('n_structure_html_page',
     '<!DOCTYPE html>\n<html>\n<head><title>502 Bad Gateway</title></head>\n'
     '<body><h1>502 Bad Gateway</h1><hr><center>nginx</center></body>\n</html>\n')
case('n_structure_error_then_invalid_utf8', b('[{"id": 1,,} "\xff"]'))
case('n_structure_single_quoted_list', "[{'id': 1}]")
case('n_structure_jsonp', 'callback([{"id": 1}])')
case('n_structure_ndjson', '{"id": 1}\n{"id": 2}\n')

# --- i_: left to the implementation ---------------------------------------

# Numbers beyond a double or a 64-bit integer
case('i_number_double_huge_neg_exp', in_var('123.456e-789'))
case('i_number_huge_exp', in_var('0.4e' + '006699999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999969999999006'))
case('i_number_neg_int_huge_exp', in_var('-1e+9999'))
case('i_number_pos_double_huge_exp', in_var('1.5e+9999'))
case('i_number_real_neg_overflow', in_var('-123123e100000'))
case('i_number_real_pos_overflow', in_var('123123e100000'))
case('i_number_real_underflow', in_var('123e-10000000'))
case('i_number_too_big_neg_int', in_var('-123123123123123123123123123123'))
case('i_number_too_big_pos_int', in_var('100000000000000000000'))
case('i_number_very_big_negative_int', in_var('-237462374673276894279832749832423479823246327846'))
case('i_number_1e400', in_var('1e400'))
case('i_number_-1e400', in_var('-1e400'))
case('i_number_1e-400', in_var('1e-400'))
case('i_number_-1e-400', in_var('-1e-400'))
case('i_number_int64_max_plus_1', in_var('9223372036854775808'))
case('i_number_int64_min_minus_1', in_var('-9223372036854775809'))
case('i_number_uint64_max', in_var('18446744073709551615'))
case('i_number_2_pow_64', in_var('18446744073709551616'))
case('i_number_int_400_digits', in_var('1' + '0' * 400))
case('i_number_real_400_digits', in_var('1' + '0' * 400 + '.0'))
case('i_number_long_fraction_400_digits', in_var('0.' + '3' * 400))
case('i_number_huge_in_array', in_var('[1, 100000000000000000000, -100000000000000000000, 1e400, 2]'))

# Surrogate escapes without their other half, as the name and a variable
case('i_object_key_lone_2nd_surrogate', in_vars(r'{"\uDFAA":0}'))
case('i_object_key_lone_1st_surrogate', in_vars(r'{"\uD800":0, "\uDBFF":1}'))
case('i_string_1st_surrogate_but_2nd_missing', in_str(r'"\uDADA"'))
case('i_string_1st_valid_surrogate_2nd_invalid', in_str(r'"\uD888\u1234"'))
case('i_string_incomplete_surrogate_and_escape_valid', in_str(r'"\uD800\n"'))
case('i_string_incomplete_surrogate_pair', in_str(r'"\uDd1ea"'))
case('i_string_incomplete_surrogates_escape_valid', in_str(r'"\uD800\uD800\n"'))
case('i_string_invalid_lonely_surrogate', in_str(r'"\ud800"'))
case('i_string_invalid_surrogate', in_str(r'"\ud800abc"'))
case('i_string_inverted_surrogates_U+1D11E', in_str(r'"\uDd1e\uD834"'))
case('i_string_lone_second_surrogate', in_str(r'"\uDFAA"'))
case('i_string_lone_surrogate_at_end', in_str(r'"abc\uD83D"'))
case('i_string_lone_surrogate_before_quote_escape', in_str(r'"\uD83D\""'))
case('i_string_surrogate_then_null', in_str(r'"\uD83D\u0000"'))
case('i_string_two_high_surrogates_then_low', in_str(r'"\uD83D\uD83D\uDE00"'))
case('i_string_lone_surrogate_in_id', r'[{"id": "1\uD800"}, {"id": 2}]')

# Text that is not UTF-8, inside strings
case('i_string_UTF-16LE_with_BOM', b'\xff\xfe' + '[{"id": 1, "name": "\u00e9"}]'.encode('utf-16-le'))
case('i_string_UTF-8_invalid_sequence', in_str(join('"日ш', b('\xfa'), '"')))
case('i_string_UTF8_surrogate_U+D800', in_str(b('"\xed\xa0\x80"')))
case('i_string_UTF8_surrogate_U+DFFF', in_str(b('"\xed\xbf\xbf"')))
case('i_string_CESU-8_pair', in_str(b('"\xed\xa0\xbd\xed\xb8\x80"')))
case('i_string_invalid_utf-8', in_str(b('"\xff"')))
case('i_string_iso_latin_1', in_str(b('"\xe9"')))
case('i_string_windows_1252_quotes', in_str(b('"\x93quoted\x94"')))
case('i_string_lone_utf8_continuation_byte', in_str(b('"\x81"')))
case('i_string_lone_utf8_continuation_byte_bf', in_str(b('"a\xbfb"')))
case('i_string_not_in_unicode_range', in_str(b('"\xf4\xbf\xbf\xbf"')))
case('i_string_U+110000', in_str(b('"\xf4\x90\x80\x80"')))
case('i_string_lead_f5', in_str(b('"\xf5\x80\x80\x80"')))
case('i_string_lead_f8_5_bytes', in_str(b('"\xf8\x88\x80\x80\x80"')))
case('i_string_lead_fe', in_str(b('"\xfe"')))
case('i_string_overlong_sequence_2_bytes', in_str(b('"\xc0\xaf"')))
case('i_string_overlong_sequence_2_bytes_c1', in_str(b('"\xc1\xbf"')))
case('i_string_overlong_sequence_3_bytes', in_str(b('"\xe0\x80\xaf"')))
case('i_string_overlong_sequence_4_bytes', in_str(b('"\xf0\x80\x80\xaf"')))
case('i_string_overlong_sequence_6_bytes', in_str(b('"\xfc\x83\xbf\xbf\xbf\xbf"')))
case('i_string_overlong_sequence_6_bytes_null', in_str(b('"\xfc\x80\x80\x80\x80\x80"')))
case('i_string_overlong_null_modified_utf8', in_str(b('"a\xc0\x80b"')))
case('i_string_truncated-utf-8', in_str(b('"\xe0\xff"')))
case('i_string_truncated_2_bytes', in_str(b('"\xc3"')))
case('i_string_truncated_3_bytes', in_str(b('"\xe2\x82"')))
case('i_string_truncated_4_bytes', in_str(b('"\xf0\x9f\x98"')))
case('i_string_lead_then_ascii', in_str(b('"\xc3A"')))
case('i_string_truncated_at_end_of_body', join('[{"id": 1, "name": "', b('\xf0\x9f\x98')))
case('i_string_utf16BE_no_BOM', '[{"id": 1, "name": "\u00e9"}]'.encode('utf-16-be'))
case('i_string_utf16LE_no_BOM', '[{"id": 1, "name": "\u00e9"}]'.encode('utf-16-le'))
case('i_string_invalid_utf8_in_key', in_vars(b('{"k\xff": 1}')))
case('i_string_invalid_utf8_in_unknown_member', b('[{"id": 1, "extra": "\xff"}]'))
case('i_string_invalid_utf8_in_later_item', b('[{"id": 1}, {"id": 2, "name": "\xc0\xaf"}]'))
case('i_string_invalid_utf8_outside_list', b('{"data": [{"id": 1}], "meta": "\xff"}'))

# Nesting and byte order marks
case('i_structure_500_nested_arrays', nested(500, ''))
case('i_structure_UTF-8_BOM_empty_object', join(BOM, '{}'))
case('i_structure_UTF-8_BOM_empty_array', join(BOM, '[]'))

# --- a_: the application's rules ------------------------------------------

FULL_A = ('{"id": 123, "user_id": 1, "name": "Sales Outbound Assistant", "type": "outbound", '
          '"mode": "pipeline", "status": "active", "voice_id": 8, "language_id": 1, '
          '"timezone": "America/New_York", "initial_message": "Hi, this is Sarah.", '
          '"system_prompt": "You are a sales representative.", '
          '"variables": {"company_name": "Your Company", "product_line": "Premium Services"}, '
          '"webhook_url": "https://yourcompany.com/api/webhooks/outbound-calls", '
          '"is_webhook_active": true, "created_at": "2025-07-15T14:32:15.000000Z", '
          '"updated_at": "2025-08-02T09:18:42.000000Z"}')
FULL_B = ('{"id": 124, "user_id": 1, "name": "Follow-up Assistant", "type": "outbound", '
          '"mode": "multimodal", "status": "inactive", "voice_id": 12, "language_id": 1, '
          '"timezone": "America/Los_Angeles", "initial_message": "Hello!", '
          '"system_prompt": "You are a follow-up specialist.", '
          '"variables": {"purpose": "follow_up"}, "webhook_url": null, '
          '"is_webhook_active": false, "created_at": "2025-07-16T10:00:00.000000Z", '
          '"updated_at": "2025-07-16T10:00:00.000000Z"}')

# Envelopes
case('a_list_bare', '[' + FULL_A + ', ' + FULL_B + ']')
case('a_list_wrapped', '{"data": [' + FULL_A + ', ' + FULL_B + '], "meta": {"total": 2}, "links": null}')
case('a_list_wrapped_data_last', '{"meta": {"total": 1}, "data": [' + FULL_B + ']}')
case('a_list_empty', '[]')
case('a_list_empty_wrapped', '{"data": []}')
case('a_list_empty_with_spaces', ' \n[ \n] \n')
case('a_list_bom', join(BOM, '{"data": [' + FULL_A + ']}'))
case('a_list_pretty', '[\n  {\n    "id": 7,\n    "name": "Pretty"\n  }\n]\n')
case('a_body_empty', '')
case('a_body_whitespace_only', ' \n\t\r ')
case('a_body_html', '<html><body><h1>Service Unavailable</h1></body></html>')
case('a_body_html_after_json', '[{"id": 1}]\n<html></html>')
case('a_body_trailing_garbage', '[{"id": 1}] garbage')
case('a_body_trailing_nul', b('[{"id": 1}]\x00'))
case('a_body_json_string_of_list', '"[{\\"id\\": 1}]"')
case('a_data_missing', '{"items": [{"id": 1}]}')
case('a_data_not_array_object', '{"data": {"id": 1}}')
case('a_data_not_array_null', '{"data": null}')
case('a_data_not_array_string', '{"data": "[{\\"id\\": 1}]"}')
case('a_data_case', '{"Data": [{"id": 1}]}')
case('a_data_nested', '{"result": {"data": [{"id": 1}]}}')
case('a_data_in_list_item', '[{"data": [{"id": 1}]}]')
case('a_data_duplicate_last_array', '{"data": 5, "data": [{"id": 2}]}')
case('a_data_duplicate_last_not_array', '{"data": [{"id": 1}], "data": null}')
case('a_data_duplicate_last_empty', '{"data": [{"id": 1}], "data": []}')
case('a_data_duplicate_both_arrays', '{"data": [{"id": 1}], "data": [{"id": 2}]}')
case('a_data_duplicate_three', '{"data": [{"id": 1}], "data": {}, "data": [{"id": 3}]}')
case('a_data_duplicate_long_first',
     '{"data": [' + ', '.join('{"id": %d}' % i for i in range(1, 71)) + '], "data": [{"id": 1000}, {"id": 1001}]}')
case('a_data_escaped_key', r'{"d\u0061ta": [{"id": 1}]}')
case('a_data_escaped_key_all', r'{"\u0064\u0061\u0074\u0061": [{"id": 1}]}')
case('a_data_escaped_key_then_plain', r'{"d\u0061ta": [{"id": 1}], "data": [{"id": 2}]}')
case('a_data_plain_then_escaped_not_array', r'{"data": [{"id": 1}], "\u0064ata": false}')
case('a_data_key_with_nul', r'{"data\u0000": [{"id": 1}]}')
case('a_data_key_with_lone_surrogate', r'{"data\uD800": [{"id": 1}]}')
case('a_data_key_fullwidth', '{"\uff44ata": [{"id": 1}]}')
case('a_data_key_with_space', '{"data ": [{"id": 1}]}')
case('a_data_array_of_scalars', '{"data": [1, 2, 3]}')
case('a_root_array_of_scalars', '[1, "a", null, true, 1.5]')
case('a_root_array_of_arrays', '[[{"id": 1}], []]')
case('a_root_array_of_empty_objects', '[{}, {}]')
case('a_root_array_of_null', '[null]')
case('a_some_skipped', '[{"id": 1, "name": "kept"}, {}, 7, {"id": "x"}, null, {"id": 2, "name": "kept too"}]')
case('a_one_skipped', '[{"id": 1}, {"name": "no id"}]')
case('a_many_items_groups',
     '[' + ', '.join('{"id": %d, "name": "n%d"}' % (i, i) if i % 11 else '{"name": "skip %d"}' % i
                     for i in range(1, 71)) + ']')
case('a_many_items_none_usable', '[' + ', '.join('{"id": -%d}' % i for i in range(1, 41)) + ']')

# Ids: non-negative integers, or strings of their digits
for name, value in [
        ('zero', '0'), ('one', '1'), ('negative', '-1'), ('negative_zero', '-0'),
        ('negative_zero_real', '-0.0'), ('real', '1.0'), ('real_fraction', '1.5'),
        ('exp', '1e2'), ('int64_max', '9223372036854775807'),
        ('int64_max_plus_1', '9223372036854775808'), ('int64_min', '-9223372036854775808'),
        ('huge', '123456789012345678901234567890'), ('true', 'true'), ('null', 'null'),
        ('object', '{"id": 1}'), ('array', '[1]'),
        ('string', '"42"'), ('string_zero', '"0"'), ('string_leading_zeros', '"007"'),
        ('string_negative', '"-1"'), ('string_plus', '"+1"'), ('string_space', '" 1"'),
        ('string_trailing_space', '"1 "'), ('string_empty', '""'), ('string_real', '"1.5"'),
        ('string_exp', '"1e2"'), ('string_hex', '"0x1f"'),
        ('string_int64_max', '"9223372036854775807"'),
        ('string_int64_max_plus_1', '"9223372036854775808"'),
        ('string_huge', '"123456789012345678901234567890"'),
        ('string_arabic_indic_digits', '"\u0661\u0662"'),
        ('string_fullwidth_digits', '"\uff11\uff12"'),
        ('string_escaped_digits', r'"\u0034\u0032"'),
        ('string_nul', r'"4\u00002"'),
]:
    case('a_id_' + name, '[{"id": %s, "name": "id %s"}]' % (value, name))
case('a_id_duplicate_last_wins', '[{"id": "x", "id": 5}]')
case('a_id_duplicate_last_unusable', '[{"id": 5, "id": null}]')
case('a_id_escaped_key', r'[{"\u0069d": 3}]')
case('a_id_key_with_nul', r'[{"id\u0000": 3}]')
case('a_id_same_twice', '[{"id": 1, "name": "first"}, {"id": 1, "name": "second"}]')
case('a_id_other_ids',
     '[{"id": 1, "user_id": "2", "voice_id": -3, "language_id": 4.0}, '
     '{"id": 2, "user_id": 9223372036854775807, "voice_id": "", "language_id": 99999999999999999999}]')

# Dates: kept in UTC, written with microseconds and four-digit years
for name, value in [
        ('api_form', '2025-07-15T14:32:15.000000Z'),
        ('api_form_micros', '2025-07-15T14:32:15.123456Z'),
        ('no_fraction', '2025-07-15T14:32:15Z'),
        ('millis', '2025-07-15T14:32:15.123Z'),
        ('nanos', '2025-07-15T14:32:15.123456789Z'),
        ('nanos_round_up', '2025-07-15T14:32:15.9999999Z'),
        ('one_fraction_digit', '2025-07-15T14:32:15.5Z'),
        ('fraction_comma', '2025-07-15T14:32:15,5Z'),
        ('offset', '2025-07-15T14:32:15+02:00'),
        ('offset_negative', '2025-07-15T14:32:15-05:30'),
        ('offset_compact', '2025-07-15T14:32:15+0200'),
        ('offset_hours', '2025-07-15T14:32:15+02'),
        ('offset_zero', '2025-07-15T14:32:15+00:00'),
        ('offset_minus_zero', '2025-07-15T14:32:15-00:00'),
        ('offset_max', '2025-07-15T14:32:15+23:59'),
        ('offset_24', '2025-07-15T14:32:15+24:00'),
        ('offset_day_change', '2025-12-31T23:30:00-01:00'),
        ('fraction_and_offset', '2025-07-15T14:32:15.250+05:45'),
        ('no_zone', '2025-07-15T14:32:15'),
        ('no_seconds', '2025-07-15T14:32Z'),
        ('space_separator', '2025-07-15 14:32:15'),
        ('lowercase', '2025-07-15t14:32:15z'),
        ('basic_format', '20250715T143215Z'),
        ('ordinal', '2025-196T14:32:15Z'),
        ('week', '2025-W29-2T14:32:15Z'),
        ('date_only', '2025-07-15'),
        ('time_only', '14:32:15Z'),
        ('year_0999', '0999-01-01T00:00:00.000000Z'),
        ('year_0999_offset', '0999-01-01T00:00:00+02:00'),
        ('year_0001', '0001-01-01T00:00:00.000000Z'),
        ('year_0001_offset_before', '0001-01-01T00:00:00+01:00'),
        ('year_0000', '0000-01-01T00:00:00.000000Z'),
        ('year_9999_end', '9999-12-31T23:59:59.999999Z'),
        ('year_9999_offset_after', '9999-12-31T23:00:00-02:00'),
        ('year_5_digits', '12025-07-15T14:32:15Z'),
        ('year_negative', '-0001-07-15T14:32:15Z'),
        ('leap_day', '2024-02-29T12:00:00.000000Z'),
        ('not_leap_day', '2023-02-29T12:00:00.000000Z'),
        ('feb_30', '2025-02-30T00:00:00Z'),
        ('month_13', '2025-13-01T00:00:00.000000Z'),
        ('month_00', '2025-00-10T00:00:00Z'),
        ('day_32', '2025-01-32T00:00:00Z'),
        ('hour_24', '2025-07-15T24:00:00Z'),
        ('minute_60', '2025-07-15T14:60:00Z'),
        ('second_60_api_form', '2016-12-31T23:59:60.000000Z'),
        ('second_60', '2016-12-31T23:59:60Z'),
        ('second_60_fraction', '2016-12-31T23:59:60.5Z'),
        ('api_form_bad_micros', '2025-07-15T14:32:15.00000xZ'),
        ('api_form_7_digits', '2025-07-15T14:32:15.0000001Z'),
        ('api_form_plus_sign', '2025-07-15T14:32:15.+00000Z'),
        ('unicode_digits', '\u0662\u0660\u0662\u0665-07-15T14:32:15Z'),
        ('trailing_space', '2025-07-15T14:32:15Z '),
        ('leading_space', ' 2025-07-15T14:32:15Z'),
        ('trailing_nul', '2025-07-15T14:32:15.000000Z\\u0000'),
        ('garbage', 'yesterday'),
        ('empty', ''),
]:
    case('a_date_' + name, '[{"id": 1, "created_at": "%s", "updated_at": "%s"}]' % (value, value))
case('a_date_number', '[{"id": 1, "created_at": 1752589935, "updated_at": null}]')
case('a_date_object', '[{"id": 1, "created_at": {"date": "2025-07-15"}, "updated_at": ["2025-07-15T14:32:15Z"]}]')

# Variables: strings as they are, null empty, anything else as its JSON
case('a_variables_all_types',
     in_vars('{"s": "text", "e": "", "i": 42, "neg": -7, "r": 1.5, "big": 1e300, "t": true, '
             '"f": false, "n": null, "a": [1, "2", null, [], {}], "o": {"k": "v", "n": {"d": 0}}}'))
case('a_variables_array', '[{"id": 1, "variables": ["a", "b"]}]')
case('a_variables_string', '[{"id": 1, "variables": "{\\"a\\": 1}"}]')
case('a_variables_number', '[{"id": 1, "variables": 5}]')
case('a_variables_null', '[{"id": 1, "variables": null}]')
case('a_variables_true', '[{"id": 1, "variables": true}]')
case('a_variables_missing', '[{"id": 1}]')
case('a_variables_many', in_vars('{' + ', '.join('"v%02d": %d' % (i, i) for i in range(40)) + '}'))
case('a_variables_pretty_input', in_vars('{\n  "a" : [ 1 ,\n 2 ] ,\n  "b" : { "c" : "d" }\n}'))
case('a_variables_escapes_kept', in_vars(r'{"quote\"d": "line\nbreak", "slash\/": "tab\there", "u": "\u00e9\u20ac"}'))
case('a_variables_duplicate_replaced_by_null', in_vars('{"a": "x", "b": 1, "a": null}'))
case('a_variables_duplicate_empty_key', in_vars('{"": 1, "": 2}'))
case('a_variables_key_nul_and_fffd', in_vars(r'{"a\u0000": 1, "a\ufffd": 2}'))

# The other fields: absent, null or of another type is absent
case('a_fields_full', '[' + FULL_A + ']')
case('a_fields_all_null',
     '[{"id": 1, "user_id": null, "name": null, "type": null, "mode": null, "status": null, '
     '"voice_id": null, "language_id": null, "timezone": null, "initial_message": null, '
     '"system_prompt": null, "variables": null, "webhook_url": null, "is_webhook_active": null, '
     '"created_at": null, "updated_at": null}]')
case('a_fields_wrong_types',
     '[{"id": 1, "user_id": "x", "name": 5, "type": true, "mode": [], "status": {}, '
     '"voice_id": 1.5, "language_id": "-1", "timezone": 0, "initial_message": false, '
     '"system_prompt": ["x"], "webhook_url": 1, "is_webhook_active": "true", '
     '"created_at": true, "updated_at": 0}]')
case('a_fields_webhook_active_forms',
     '[{"id": 1, "is_webhook_active": 1}, {"id": 2, "is_webhook_active": "yes"}, '
     '{"id": 3, "is_webhook_active": false}, {"id": 4, "is_webhook_active": true}]')
case('a_fields_empty_strings',
     '[{"id": 1, "name": "", "type": "", "mode": "", "status": "", "timezone": "", '
     '"initial_message": "", "system_prompt": "", "webhook_url": ""}]')
case('a_fields_escaped_member_names', r'[{"id": 1, "n\u0061me": "escaped name", "\u0073tatus": "active"}]')
case('a_fields_member_name_with_nul', r'[{"id": 1, "name\u0000": "not the name", "name": "the name"}]')
case('a_fields_duplicate_name', '[{"id": 1, "name": "A", "name": "B"}]')
case('a_fields_duplicate_name_null', '[{"id": 1, "name": "A", "name": null}]')
case('a_fields_unknown_members',
     r'[{"id": 1, "extra": 1e400, "other": "\uD800", "deep": [[[[[[1]]]]]], "big": 123456789012345678901234567890, "name": "kept"}]')
case('a_fields_name_control_chars', r'[{"id": 1, "name": "tab\tnl\ncr\rbell\u0007esc\u001bdel\u007f"}]')
case('a_fields_name_nul_hides_nothing', r'[{"id": 1, "name": "Visible\u0000Hidden"}]')
case('a_fields_name_rtl_override', r'[{"id": 1, "name": "abc\u202edef"}]')
case('a_fields_status_unicode', '[{"id": 1, "status": "AKTIV\u00c9", "mode": "\U0001F600"}]')

BAD = set()
for name in cases:
    if name[:2] not in ('y_', 'n_', 'i_', 'a_'):
        BAD.add(name)
assert not BAD, BAD

if __name__ == '__main__':
    for old in os.listdir(HERE):
        if old.endswith('.json'):
            os.unlink(os.path.join(HERE, old))
    for name, body in cases.items():
        with open(os.path.join(HERE, name + '.json'), 'wb') as f:
            f.write(body)
    counts = {}
    for name in cases:
        counts[name[0]] = counts.get(name[0], 0) + 1
    print(len(cases), 'cases:', ', '.join('%s_ %d' % kv for kv in sorted(counts.items())),
          file=sys.stderr)
