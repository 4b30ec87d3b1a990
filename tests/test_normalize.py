from reportkit.normalize import fold_width, is_traditional, normalize_text, traditional_share


def test_normalize_text__fullwidth_digits_letters_percent_to_ascii():
    assert normalize_text("发放资料３００份，调解成功率１００％，Ｅ三明") == "发放资料300份，调解成功率100%，E三明"


def test_normalize_text__keeps_chinese_punctuation_and_brackets():
    assert normalize_text("（一）加强组织领导，夯实基础。") == "（一）加强组织领导，夯实基础。"


def test_normalize_text__radical_lookalikes_become_characters():
    assert normalize_text("⻄城街道⻓效机制") == "西城街道长效机制"


def test_fold_width__kangxi_radical_and_fullwidth_space():
    assert fold_width("\u2f08民\u3000ＡＢｃ") == "人民 ABc"


def test_traditional_share__simplified_text_is_zero():
    assert traditional_share("我镇开展普法宣传活动，发放资料3000份。") == 0.0


def test_traditional_share__counts_changed_cjk_characters_only():
    assert traditional_share("鄉abc镇123，鎮") == 2 / 3


def test_normalize_text__removes_zero_width_and_nbsp():
    assert normalize_text("法\u200b治\u00a0政\ufeff府") == "法治政府"


def test_normalize_text__removes_word_bookmarks():
    assert normalize_text("[bookmark: _GoBack]2021年，我镇持续开展") == "2021年，我镇持续开展"


def test_normalize_text__traditional_converted_to_simplified():
    text = "鄉鎮法治政府建設年度報告\n開展普法宣傳活動十餘場，發放資料三千餘份。"
    assert is_traditional(text)
    assert normalize_text(text) == "乡镇法治政府建设年度报告\n开展普法宣传活动十余场，发放资料三千余份。"


def test_normalize_text__simplified_text_with_one_traditional_quote_is_left_alone():
    text = "我镇开展普法宣传活动，悬挂横幅，张贴海报，发放资料，深入推进法治政府建设工作。" * 5 + "“鄉”"
    assert not is_traditional(text)
    assert normalize_text(text).endswith("“鄉”")


def test_normalize_text__line_structure_kept_blank_runs_collapsed():
    assert normalize_text("标题\r\n\r\n\r\n\r\n一、正文  内容\n二、下一步") == "标题\n\n一、正文 内容\n二、下一步"


def test_normalize_text__idempotent_on_seeds(seed_files):
    for path in seed_files:
        once = normalize_text(path.read_text(encoding="utf-8"))
        assert normalize_text(once) == once
