"""Reason codes of findings and their messages (Japanese first, English after a slash).

A finding is something the library found but did not establish or did not rewrite.  The codes
are stable: scripts and the JSON output use them.
"""

from __future__ import annotations

import functools

LAW_UNKNOWN = "law-unknown"
LAW_OTHER = "law-other"
SAME_LAW_UNRESOLVED = "same-law-unresolved"
NO_ANTECEDENT = "no-antecedent"
UNKNOWN_TABLE = "unknown-table"
COLUMN_REFERENCE = "column-reference"
MALFORMED = "malformed"
ROW_UNKNOWN = "row-unknown"
ROW_INFERRED = "inferred-mapping"
ROW_DELETED = "row-deleted"
ROW_DELETED_DROPPED = "row-deleted-dropped"
ROW_SPLIT = "row-split"
ROW_RANGE = "range-inferred"
PROVISION_MISMATCH = "provision-mismatch"
NUMBER_AFTER = "number-after-table"
NUMBER_BEFORE = "number-before-table"
ROW_NOT_IN_TABLE = "row-not-in-new-table"
SUBITEM_NOT_MAPPED = "subitem-not-mapped"
ORDER_REF_UNKNOWN = "order-ref-unknown"
ORDER_REF_INFERRED = "order-ref-inferred"
DEPENDENT_KEPT = "dependent-kept"
TYPO = "typo"
OVERLAP = "overlap"
ROW_WORD = "row-or-word"
ORDER_NUMBER = "order-number-mismatch"
TABLE_AMBIGUOUS = "table-ambiguous"
FORMULA_NOT_REWRITTEN = "formula-not-rewritten"
READS_DIFFERENTLY = "reads-differently"
TABLE_OR_ROW = "table-or-row"
RELATION_MISMATCH = "relation-mismatch"
DEFINES_TERM = "defines-term"
MARKED_OLD = "marked-old"
POINTS_BACK = "points-back"
ROWS_OF_TABLES = "rows-of-which-table"
LISTED_WITH_OTHER = "listed-with-other-table"

# the message of law-other for a table cell whose cell to the left ends with another law's name
LAW_OTHER_LEFT_CELL = (
    "同じ行の左のセルが他の法令（{law}）で終わっているため、このセルの法令名のない表はその法令の表と読み、"
    "番号利用法の表としては書き換えません。番号利用法の表であれば法令名を補ってください"
    " / the cell to its left in the row ends with another law ({law}), so this cell's tables with no law of their own are"
    " read as that law's and not rewritten; name the act in the cell if they are the act's"
)
LAW_OTHER_ABOVE_CELL = (
    "すぐ上のセルが他の法令（{law}）の名前だけのため、このセルの法令名のない表はその法令の表と読み、"
    "番号利用法の表としては書き換えません。番号利用法の表であれば法令名を補ってください"
    " / the cell right above holds nothing but another law's name ({law}), so this cell's tables with no law of their own"
    " are read as that law's and not rewritten; name the act in the cell if they are the act's"
)
LAW_OTHER_COLUMN_HEAD = (
    "同じ列の上の見出しのセルが他の法令（{law}）の名前のため、このセルの法令名のない表はその法令の表と読み、"
    "番号利用法の表としては書き換えません。番号利用法の表であれば法令名を補ってください"
    " / the header cell above it in its column names another law ({law}), so this cell's tables with no law of their own"
    " are read as that law's and not rewritten; name the act in the cell if they are the act's"
)

# the message of law-other for a table under a heading that names another law
LAW_OTHER_HEADING = (
    "この表の上の見出しが他の法令（{law}）を示しているため、法令名のない表はその法令の表と読み、"
    "番号利用法の表としては書き換えません。番号利用法の表であれば法令名を補ってください"
    " / the heading above it names another law ({law}), so a table with no law of its own is read as that law's and"
    " not rewritten; name the act before the table if it is the act's"
)

# the message of law-other for a table whose footnote names another law
LAW_OTHER_FOOTNOTE = (
    "この表の注「{mark}」が他の法令（{law}）を示しているため、法令名のない表はその法令の表と読み、"
    "番号利用法の表としては書き換えません。番号利用法の表であれば法令名を補ってください"
    " / its footnote ({mark}) names another law ({law}), so a table with no law of its own is read as that law's and"
    " not rewritten; name the act before the table if it is the act's"
)

# the message of law-other for a row of the act's table right before a bracket naming another law's table
LAW_OTHER_ROW_NOTE = (
    "項の直後の括弧が他の法令の表（{table}）を示しているため、この項はその表の項とも読め、番号利用法の表の項とは確定できず、"
    "書き換えません。確認してください"
    " / the bracket right after the row names another law's table ({table}): the row may be that table's, so that it is the"
    " act's row is not established and it is left as written; review it"
)

# the message of rows-of-which-table for rows after a closed bracket naming another table than the one they hang on
ROWS_OF_TABLES_BRACKET = (
    "「{found}」の項が括弧の中の表の項か、その前の表の項か確定できないため（二つの表は項の番号が別々です）、書き換えません。"
    "表ごとに分けて書いてください"
    " / in {found}, the rows may be the bracketed table's or the table's before it (the two number their rows apart);"
    " left as written for review"
)

# the message of law-other for a table whose law is only a term another paragraph or cell defines as another law
LAW_OTHER_DEFINED_TERM = (
    "文書の別の段落・セルで「{term}」が他の法令（{law}）と定義されているため、この表はその法令の表と読み、"
    "番号利用法の表としては書き換えません。番号利用法の表であれば法令名を補ってください"
    " / another paragraph or cell of the document defines 「{term}」 as another law ({law}), so this table is read as"
    " that law's and not rewritten; name the act before the table if it is the act's"
)

# the message of law-other for a table named by a term the document defined as another law's table
LAW_OTHER_TABLE_TERM = (
    "文書で「{term}」が他の法令の表（{law}の{term}）と定義されているため、この表はその法令の表と読み、"
    "番号利用法の表としては書き換えません。番号利用法の表であれば法令名を補ってください"
    " / the document defines 「{term}」 as another law's table ({law}), so this table is read as that law's and not"
    " rewritten; name the act before the table if it is the act's"
)

# the message of law-unknown for a table right after the title of an order of the act's tables
LAW_UNKNOWN_AFTER_ORDER = (
    "番号利用法の別表の事務・情報を定める命令の名前のすぐ後の表ですが、その命令には別表がないため、番号利用法の表か誤記か確定できず、"
    "書き換えません。番号利用法の表であれば、命令の名前と表の間に「、」や「及び」を補うか、手で修正してください"
    " / right after the title of an order of the act's tables, which has no 別表 of its own: whether the act's table is meant"
    " is not established, so it is left as written; join it to the title with 、 or 及び, or edit it by hand"
)

# the message of law-unknown for a table with no law of its own, under --assume-law, in a text with a table of its own by
# that name (「別表第１（第３条関係）」)
LAW_UNKNOWN_OWN_TABLE = (
    "この文書には自身の表「{heading}」があるため、法令名のない同じ名前の表は文書自身の表か番号利用法の表か確定できず、"
    "--assume-law でも書き換えません。番号利用法の表であれば法令名を補ってください"
    " / the text has a table of its own by this name (「{heading}」): a table of that name with no law written may be the"
    " text's own or the act's, which is not established, so it is left as written even under --assume-law; name the act"
    " before it if it is the act's"
)

# the message of law-unknown for a table right after a document's or a system's name (a word in katakana)
LAW_UNKNOWN_DOCUMENT = (
    "「{word}」のすぐ後の表は、法令ではない文書（またはシステム）の表か、それが引く番号利用法の表か確定できないため、"
    "書き換えません。番号利用法の表であれば法令名を補ってください"
    " / right after the name of a document or system (「{word}」), which is no law: whether it is that document's own table"
    " or the act's table it reproduces is not established, so it is left as written; name the act before the table if it"
    " is the act's"
)

# the message of number-after-table for rows that name others (「別表第二のうち27の項を除く全ての項」, 「27の項以外」,
# 「27の項以降」)
NUMBER_AFTER_EXCEPTED = (
    "「{found}」は挙げた項の外の項（残りの項、その項から先の項）を示す書き方ですが、改正で項が分かれ・移り・加わったため、"
    "新しい表で同じ項の範囲になるとは限らず、表の名前も項も変えずに残しました。範囲を確認して手で修正してください"
    " / 「{found}」 names other rows than those it lists (the rest of the table, or the rows from them on), which are not"
    " the same set in the new table, where rows were split, merged, moved and added; the name and the rows are kept as"
    " written for review"
)

# the message of marked-old for a table in a note of a change (「「別表第一」を「別表」とした」, 「別表第二の記載を削除」)
MARKED_OLD_CHANGE = (
    "変更や読み替えを述べる文（「…{words}」）の中の改正前の表と読み、記録（書かれたままの語）として元のままにしました。"
    "新しい番号に変える場合は手で修正してください / an old table in a sentence stating a change or a 読み替え"
    " (「…{words}」): kept as written, as the record of the wording; change it by hand if the new numbering is meant"
)

# the message of defines-term for a table in the body of a definition (「「法別表第二」とは、番号法別表第二をいう」)
DEFINES_TERM_BODY = (
    "「{term}」の定義（「「{term}」とは、…をいう」）の中の表です。定義は条例・規則などの本文で、その改正の手続によってしか変わらず、"
    "本文だけを書き換えると、誰も定めていない文になり、「{term}」の意味まで変わるため、元のままにしました。改正後の本文を確認して"
    "手で修正してください / in the body of the definition of 「{term}」: a definition is an instrument's text (an ordinance's, a"
    " rule's), which changes only by its own amendment; rewritten, it would be a text no one enacted and would change what"
    " 「{term}」 means; kept as written: copy the amended text by hand"
)

# the message of marked-old for a table in a sentence telling an event before the new numbering (「平成28年1月に…開始した」)
MARKED_OLD_PAST = (
    "改正（令和6年5月27日）より前の出来事を述べる文（「{words}」：改正前の日付と過去形）の中の表と読み、その時の表として元のままに"
    "しました。現在のことを述べる文であれば手で修正してください / an old table in a sentence telling an event before the"
    " new numbering of 2024-05-27 (「{words}」: a date before it, the past tense): kept as the table the event took place"
    " under; change it by hand if the sentence states the present"
)

# the message of law-unknown for a table pointed at as a document's appendix (「別表第1のとおり」) with the act named
# only earlier in its sentence, or only assumed
LAW_UNKNOWN_AS_SHOWN = (
    "「…のとおり」「…に示す」は文書自身の別表（別紙）を指す書き方で、番号利用法の表か確定できないため（法令名が表の直前にない）、"
    "書き換えません。番号利用法の表であれば、表の直前に法令名を補ってください"
    " / 「…のとおり」 (「…に示す」) points at a document's own appendix: with no law named right before the table, that it is"
    " the act's is not established, so it is left as written; name the act right before the table if it is the act's"
)

# the message of law-unknown for a table whose words after it say it lists what the act's tables do not
# (「別表第1に掲げる安全管理措置」) with the act named only earlier in its sentence, or only assumed
LAW_UNKNOWN_LISTED = (
    "「{words}」は番号利用法の表が掲げるもの（事務・者・特定個人情報など）ではなく、文書自身の別表（契約書・規程の別表など）の"
    "ことがあるため、番号利用法の表か確定できず（法令名が表の直前にない）、書き換えません。番号利用法の表であれば、表の直前に"
    "法令名を補ってください / 「{words}」 is not what the act's tables list (事務, 者, 特定個人情報 …): it may be a document's own"
    " appendix (a contract's, a rule's); with no law named right before the table, that it is the act's is not established, so"
    " it is left as written; name the act right before the table if it is the act's"
)

# the message of law-unknown for a table followed by 「の」 and a noun that is no part of the act's tables nor what they list
# (「別表第1の安全管理措置」, 「別表第一の記載例」) with the act named only earlier in its sentence, or only assumed
LAW_UNKNOWN_OF_NOUN = (
    "「の{words}」は番号利用法の表の部分（項・欄・備考など）でも表が掲げるもの（事務・者・特定個人情報など）でもなく、文書自身の別表"
    "（契約書・規程の別表など）のことがあるため、番号利用法の表か確定できず（法令名が表の直前にない）、書き換えません。番号利用法の表"
    "であれば、表の直前に法令名を補ってください / 「の{words}」 is neither a part of the act's tables (項, 欄, 備考 …) nor what"
    " they list (事務, 者, 特定個人情報 …): it may be a document's own appendix (a contract's, a rule's); with no law named right"
    " before the table, that it is the act's is not established, so it is left as written; name the act right before the table"
    " if it is the act's"
)

REASONS: dict[str, str] = {
    LAW_UNKNOWN: "法令が特定できないため書き換えません。番号利用法の別表であれば --assume-law（assume_law=True）で指定してください"
    " / the law of this table is not established; pass --assume-law if the document is about the My Number Act",
    LAW_OTHER: "同じ文の前に他の法令（{law}）が書かれているため、この表はその法令の表と読み、番号利用法の表としては書き換えません。"
    "番号利用法の表であれば法令名を補ってください"
    " / another law ({law}) is named before this table in the same sentence, so it is read as that law's table and not rewritten;"
    " name the act before the table if it is the act's",
    SAME_LAW_UNRESOLVED: "「同法」（本法、この法律）が指す法律が見つかりません / 同法 (本法, この法律) has no antecedent law in the text",
    NO_ANTECEDENT: "この項の一覧が属する表（または命令）が同じ段落に見つかりません / no table or order cited before this list in the same passage",
    UNKNOWN_TABLE: "番号利用法にない表です（別表第一・第二・別表のみ） / the act has no such table",
    COLUMN_REFERENCE: "欄（{column}）の参照は項ごとに対応付けできません。内容を確認して手で修正してください"
    " / a column reference ({column}) cannot be mapped row by row; review it by hand",
    MALFORMED: "引用の形が読み取れません / the citation is malformed",
    ROW_UNKNOWN: "{table}の{row}の項は対応表にありません（根拠が確認できないため書き換えません）"
    " / {table} row {row} has no established mapping; left as written",
    ROW_INFERRED: "{table}の{row}の項の対応（→{new}）は推定にとどまります。確認のうえ --accept-inferred で適用できます"
    " / the mapping of {table} row {row} (→ {new}) is only inferred; apply it with --accept-inferred",
    ROW_DELETED: "{table}の{row}の項は改正で削除され、対応する項がありません / {table} row {row} was deleted; no successor",
    ROW_DELETED_DROPPED: "{table}の{row}の項は削除されたため一覧から除きました / {table} row {row} was deleted and dropped from the list",
    ROW_SPLIT: "{table}の{row}の項は複数の項（{new}）に分かれました。どれを指すか確認してください"
    " / {table} row {row} was split into {new}; choose by hand",
    ROW_RANGE: "範囲（{range}）に含まれていた項は旧表の本文（2024年5月26日版）で確定できません。"
    "確認のうえ --accept-inferred で適用できます"
    " / which rows the range {range} held on 2024-05-26 is not established (the old text was not found); apply with --accept-inferred",
    PROVISION_MISMATCH: "{table}は{owner}の表ですが、{provision}とともに引用されています。内容を確認して手で修正してください"
    " / {table} belongs to {owner} but is cited with {provision}; review by hand",
    NUMBER_AFTER: "表・命令の名前の後の番号（「{following}」）を項や条として読み取れないため、名前も変えずに残しました。確認してください"
    " / a number follows ({following}) that was not read as a row or article; the name is kept so that no old number stands under the new name",
    NUMBER_BEFORE: "表・命令の名前の前の番号（「{preceding}」）を引用として読み取れないため、名前も変えずに残しました。確認してください"
    " / a row or reference stands before the name ({preceding}) and was not read as part of a citation; the name is kept so"
    " that no old number stands beside the new name",
    ROW_NOT_IN_TABLE: "{table}に{row}の項はありません / {table} has no row {row}",
    SUBITEM_NOT_MAPPED: "旧命令の{ref}のイロハ（細目）は改正前後で対応が確定できません / the sub-item letter of old-order reference {ref} cannot be mapped",
    ORDER_REF_UNKNOWN: "旧命令の{ref}に対応する新命令の規定が確認できません / no established successor for old-order reference {ref}",
    ORDER_REF_INFERRED: "旧命令の{ref}の対応（→{new}）は推定にとどまります。--accept-inferred で適用できます"
    " / the mapping of old-order reference {ref} (→ {new}) is only inferred",
    DEPENDENT_KEPT: "関連する引用（{other}）を書き換えられないため、この引用も元のままにしました"
    " / kept as written because a citation it depends on ({other}) could not be rewritten",
    TYPO: "誤記の可能性があります：「{found}」→「{correct}」 / probable typo: {found} → {correct}",
    ROW_WORD: "「{found}」の「項目」は項の番号ではなく語の可能性があるため、書き換えません。確認してください"
    " / in {found}, 項目 may be the word \"item(s)\" rather than a row number; left as written for review",
    ORDER_NUMBER: "命令の題名と番号（{number}）が合いません。題名も番号も元のままにしました。確認してください"
    " / the order's number ({number}) does not match its title; both are kept as written",
    TABLE_AMBIGUOUS: "{date} 時点の番号利用法には「別表」という表はなく（別表第一・第二）、どちらを指すか確定できません"
    " / on {date} the act had no table named 別表 (only 別表第一 and 第二); which one is meant is not established",
    OVERLAP: "他の書き換えと重なるため適用しませんでした / overlaps another edit; not applied",
    READS_DIFFERENTLY: "書き換えると「{new}」となり、{reading}と読めてしまうため、元のままにしました。確認してください"
    " / rewritten, it would read 「{new}」, which reads as {reading_en}; kept as written for review",
    LISTED_WITH_OTHER: "番号利用法にない表（「{other}」）と並べて引用されているため、並んだ表は他の法令の表と読み（番号利用法の表は"
    "別表第一・第二、現行は別表だけです）、書き換えません。確認してください / listed with 「{other}」, a table the act does not"
    " have: the list is read as another law's tables and left as written",
    ROWS_OF_TABLES: "「{found}」の項がどちらの表の項か確定できないため（旧い二つの表は項の番号が別々です）、書き換えません。"
    "表ごとに分けて書いてください"
    " / in {found}, the rows may be either table's (the two old tables number their rows apart); left as written for review",
    TABLE_OR_ROW: "「{found}」の番号が表の番号か項の番号か確定できないため、書き換えません。確認してください"
    " / in {found}, the number may be the table's or the row's; left as written for review",
    RELATION_MISMATCH: "{table}の見出しの関係条（第{relation}条）が番号利用法の{table}（第{expected}条関係）と合わないため、番号利用法の表として"
    "書き換えません。他の法令・条例の表ではないか確認してください"
    " / the relation note names 第{relation}条, but the act's {table} belongs to 第{expected}条: not rewritten as the act's table;"
    " check whether it is another law's or an ordinance's",
    DEFINES_TERM: "この表・命令の名前は「{term}」を定義しています。名前だけを変えると後の「{term}」の意味まで変わり、括弧の後の"
    "番号も読めないため、元のままにしました。定義とその使われ方を確認して手で修正してください"
    " / this table's or order's name defines 「{term}」; renamed alone, it would change what 「{term}」 means further on"
    " (and what follows the bracket is not read); kept as written for a rewrite by hand",
    MARKED_OLD: "「{mark}」と書かれ、改正前の番号付けをあえて引用しているため、元のままにしました。新しい番号に変える場合は手で"
    "修正してください / marked as the old text (「{mark}」): it cites the numbering before the amendment on purpose and is kept"
    " as written; change it by hand if the new numbering is meant",
    POINTS_BACK: "「{word}」が指す表が番号利用法の表か文書自身の表か確定できないため、書き換えません。番号利用法の表であれば"
    "法令名を補ってください / 「{word}」 points back at a table: whether it is the act's or the document's own is not established;"
    " name the act before it if it is the act's",
    FORMULA_NOT_REWRITTEN: "数式のセルは書き換えません。数式の中の文字列か、数式が参照するセルを手で修正してください"
    " / a formula cell is not rewritten; fix the text inside the formula, or the cells it refers to, by hand",
}


FORMULA_REFERS_MESSAGE = (
    "数式のセルは書き換えません。この数式は他のセルを参照しています：セルを書き換えたブックは開いたときに再計算するように保存するため"
    "（Excel。LibreOffice は「読み込み時の再計算」の設定によります）、参照先のセルを書き換えていれば新しい文字が表示されます。"
    "参照先が書き換わっていないときは、そのセルを手で修正してください"
    " / a formula cell is not rewritten; it refers to other cells: a workbook with rewritten cells is saved to recalculate on"
    " open (Excel; LibreOffice as its recalculation-on-load setting says), so it shows the new text when the cells it refers"
    " to were rewritten; otherwise fix those cells by hand"
)
"""The message of ``formula-not-rewritten`` for a formula whose own text holds no citation (「=評価書!B2」)."""
FORMULA_JOINED_MESSAGE = (
    "数式のセルは書き換えません。数式が表の名前の後に他のセルの値（項の番号など）をつなげて作るため、名前だけの候補は示しません："
    "数式の中の文字列と、つなげるセルの番号を合わせて手で修正してください"
    " / a formula cell is not rewritten; the formula joins another cell's value (a row, say) after the table's name, so no"
    " proposal for the name alone is given: fix the text inside the formula and the number it joins together, by hand"
)
"""The message of ``formula-not-rewritten`` for a table the formula's text joins another cell's value to
(「="番号法別表第一の"&B5&"の項"」): renamed alone, the name would stand beside the old row the cell holds."""
RECALC_NOTE = (
    "数式のあるブックのため、開いたときにすべての数式を再計算するように保存します（Excel。LibreOffice は「読み込み時の再計算」の"
    "設定によります）。書き換えたセルを参照する数式は新しい文字を表示します。数式の中に書かれた文字は変わりません"
    " / the workbook has formulas: it is saved to recalculate them all on open (Excel; LibreOffice as its"
    " recalculation-on-load setting says); a formula that refers to rewritten cells shows their new text, text written"
    " inside a formula does not change"
)
"""The note of a workbook with formulas whose cells change (``fullCalcOnLoad``: set to recalculate on open)."""


class _Default(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "?"


def message(reason: str, **values: object) -> str:
    """The message for ``reason`` with ``values`` filled in (one string shared by equal messages:
    a document repeats its findings)."""
    try:
        return _message(reason, tuple(sorted(values.items())))
    except TypeError:  # a value that cannot be hashed
        return REASONS.get(reason, reason).format_map(_Default(values))


@functools.lru_cache(maxsize=4096)
def _message(reason: str, values: tuple[tuple[str, object], ...]) -> str:
    return REASONS.get(reason, reason).format_map(_Default(dict(values)))
