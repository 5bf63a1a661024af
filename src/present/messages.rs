//! The message catalogue: every user-facing string, in English and Simplified Chinese.
//!
//! Strings are looked up by [`Key`], so a missing translation is a compile error.
//! Templates use `{name}` placeholders filled by [`fill`].
//!
//! ```
//! use discount_lab::present::{fill, text, Key, Lang};
//! assert_eq!(text(Lang::Zh, Key::TabDiscounts), "折扣");
//! assert_eq!(fill("{n} users", &[("n", "3".into())]), "3 users");
//! ```

/// Interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// The BCP 47 code ("en" or "zh-CN").
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }
    /// Parses "en", "zh", "zh-CN"... (anything starting with "zh" is Chinese).
    pub fn from_code(code: &str) -> Lang {
        if code.trim().to_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }
}

macro_rules! catalogue {
    ($($key:ident => $en:expr, $zh:expr;)*) => {
        /// A message of the catalogue.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[allow(missing_docs, non_camel_case_types)]
        pub enum Key { $($key),* }

        impl Key {
            /// Every key, for tests.
            pub const ALL: &'static [Key] = &[$(Key::$key),*];
        }

        /// The text of `key` in `lang`.
        pub fn text(lang: Lang, key: Key) -> &'static str {
            match (lang, key) {
                $((Lang::En, Key::$key) => $en, (Lang::Zh, Key::$key) => $zh,)*
            }
        }
    };
}

catalogue! {
    AppTitle => "Discount Lab", "折扣实验室";
    AppTagline => "Collaborative filtering and personalised discounts, computed in your browser. No data leaves this page.",
        "协同过滤与个性化折扣，全部在浏览器中计算，数据不会离开本页面。";
    Language => "Language", "语言";
    TabData => "Data", "数据";
    TabSimilarity => "Similarity", "相似度";
    TabDiscounts => "Discounts", "折扣";
    TabItems => "Item discounts", "商品折扣";
    TabEvaluate => "Evaluate", "评估";
    Algorithm => "Algorithm", "算法";
    Folds => "Folds", "折数";
    Factors => "Factors", "因子数";
    Epochs => "Epochs", "轮数";
    UserClusters => "User clusters", "用户簇数";
    ItemClusters => "Item clusters", "物品簇数";
    MinK => "min_k", "min_k（最少近邻）";
    TopK => "Top-N k", "Top-N 的 k";
    Threshold => "Relevant if rating ≥", "相关阈值（评分 ≥）";
    Run => "Run cross-validation", "运行交叉验证";
    Cancel => "Cancel", "取消";
    Running => "Fold {done} of {total}…", "第 {done}/{total} 折……";
    Cancelled => "Cancelled.", "已取消。";
    ClearResults => "Clear results", "清空结果";
    EvalIntro => "k-fold cross-validation on the loaded data, in a background worker: the page stays responsive and the run can be cancelled.",
        "在后台线程中对已载入数据进行 k 折交叉验证：页面保持响应，可随时取消。";
    ColAlgo => "Algorithm", "算法";
    ColRmse => "RMSE", "RMSE";
    ColMae => "MAE", "MAE";
    ColFcp => "FCP", "FCP";
    ColPrecision => "P@k", "P@k";
    ColRecall => "R@k", "R@k";
    ColNdcg => "NDCG@k", "NDCG@k";
    ColTime => "Time (ms)", "耗时（毫秒）";
    RmseChart => "Mean RMSE by run (lower is better)", "各次运行的平均 RMSE（越低越好）";
    PickUser => "User", "用户";
    PickItem => "Item", "商品";
    Recommendations => "Top {n} {n|recommendation|recommendations} for {user}", "为 {user} 推荐的前 {n} 项";
    Predicted => "predicted", "预测评分";
    WhyPrediction => "Why this prediction", "为什么是这个预测";
    EvalFailed => "The evaluation failed: {reason}", "评估失败：{reason}";
    NoResults => "No runs yet.", "尚无运行结果。";
    FitNote => "Recommendations and explanations use the algorithm above fitted on all loaded ratings.", "推荐与解释使用上面选择的算法，在全部已载入评分上训练。";
    ColNeighbour => "Neighbour", "近邻";
    ColSimilarity => "Similarity", "相似度";
    ColRating => "Rating", "评分";
    ColWeight => "Weight", "权重";
    ColContribution => "Contribution", "贡献";
    ColDeviation => "dev(i, j)", "dev(i, j)";
    ColSupport => "Support", "共同评分数";
    ColFactor => "Factor", "因子";
    Fallback => "Impossible ({reason}): the global mean {mean} was used.", "无法估计（{reason}）：使用全局均值 {mean}。";
    ReasonUnknown => "unknown user or item", "用户或商品未知";
    ReasonNeighbours => "not enough neighbours", "近邻不足";
    MinKCut => "Fewer than min_k neighbours with positive similarity: the neighbour term is dropped.", "正相似的近邻少于 min_k：去掉近邻项。";
    ActualK => "actual_k = {k}", "actual_k = {k}";
    Clipped => "The estimate was clipped to the rating scale.", "估计值已截断到评分范围内。";
    RandomNote => "NormalPredictor draws at random from N(μ, σ²): z = {z}.", "NormalPredictor 从 N(μ, σ²) 随机抽取：z = {z}。";
    Explain => "Why?", "为什么？";
    ActualRating => "The rating actually given (part of the training data): {r}", "实际评分（属于训练数据）：{r}";
    GridSearch => "Grid search", "网格搜索";
    GridSearchHint => "Comma-separated values to try; every combination is cross-validated on the same folds.", "用逗号分隔要尝试的取值；每种组合都在相同的折上交叉验证。";
    GridK => "k values", "k 取值";
    GridMeasures => "Measures", "度量";
    GridFactors => "Factor counts", "因子数取值";
    GridEpochs => "Epoch counts", "轮数取值";
    FoldFiles => "Or MovieLens fold files (u1.base, u1.test, …)", "或 MovieLens 折文件（u1.base、u1.test……）";
    FoldFilesLoaded => "{n} predefined folds from files: {names}", "来自文件的 {n} 个预定义折：{names}";
    FoldFilesBad => "Each .base file needs its .test file (and the reverse); unmatched: {names}", "每个 .base 文件都需要对应的 .test 文件（反之亦然）；未配对：{names}";
    UseKFold => "Use k-fold on the loaded data", "改用已载入数据的 k 折";
    Samples => "Built-in samples", "内置示例";
    SampleShop => "Synthetic shop", "模拟商店";
    SampleWorked => "Articles' worked example", "文章算例";
    SampleArticleCode => "Articles' code sample", "文章代码示例";
    Seed => "Seed", "随机种子";
    LoadRatings => "Ratings file", "评分文件";
    LoadRatingsHint => "CSV user,item,rating[,timestamp] (header optional), tab-separated like u.data, or ::-separated like ratings.dat.",
        "CSV 格式 user,item,rating[,timestamp]（表头可选）、制表符分隔（如 u.data）或 :: 分隔（如 ratings.dat）。";
    DropHere => "Drop a ratings file here", "将评分文件拖放到这里";
    PasteLabel => "Or paste ratings", "或粘贴评分数据";
    PasteLoad => "Load pasted ratings", "载入粘贴的评分";
    Format => "Format", "格式";
    FormatAuto => "Detect", "自动识别";
    FormatCsv => "Comma (CSV)", "逗号 (CSV)";
    FormatTab => "Tab (u.data)", "制表符 (u.data)";
    FormatColons => ":: (ratings.dat)", ":: (ratings.dat)";
    Header => "Header row", "表头行";
    HeaderAuto => "Detect", "自动识别";
    HeaderYes => "Yes", "有";
    HeaderNo => "No", "无";
    Scale => "Rating scale", "评分范围";
    ScaleAuto => "Infer from data", "根据数据推断";
    ScaleCustom => "Set it: {lo}–{hi}", "手动设定：{lo}–{hi}";
    ScaleLo => "lowest", "最低";
    ScaleHi => "highest", "最高";
    ItemsFile => "Item table (optional)", "商品表（可选）";
    ItemsHint => "item,attributes[,price,cost,category,discount_rates]; attributes and rates separated by |.",
        "item,attributes[,price,cost,category,discount_rates]；属性和折扣率用 | 分隔。";
    Summary => "{users} {users|user|users} · {items} {items|item|items} · {ratings} {ratings|rating|ratings} · scale {lo}–{hi}", "{users} 位用户 · {items} 件商品 · {ratings} 条评分 · 评分范围 {lo}–{hi}";
    SummaryItems => "Item table: {n} {n|item|items}", "商品表：{n} 件商品";
    SummaryNoItems => "No item table", "无商品表";
    LoadFailed => "Could not load this file. Your previous data and settings are unchanged.", "无法载入该文件。之前的数据和设置保持不变。";
    ChangeRefused => "This change was not made; everything stays as it was.", "未做此更改；一切保持原样。";
    EditRefused => "This rating was not changed.", "此评分未更改。";
    Dismiss => "Dismiss", "关闭";
    MoreProblems => "…and {n} more problems", "……以及另外 {n} 个问题";
    Duplicates => "{n} duplicate user-item pairs: the last rating of each was kept.", "{n} 个重复的用户-商品评分：每组保留最后一条。";
    DuplicateLine => "{user} / {item}: lines {lines}", "{user} / {item}：第 {lines} 行";
    Loaded => "Loaded {name}.", "已载入 {name}。";
    GridTitle => "Rating grid", "评分表";
    GridHint => "Type a rating and press Enter to set it; clear the cell to remove it. Every view updates at once.",
        "输入评分并回车即可设置，清空单元格即可删除，所有视图会立即更新。";
    GridTooLarge => "The grid edits sets of up to {max}×{max}; this one is {users}×{items}.", "评分表最多可编辑 {max}×{max}；当前数据为 {users}×{items}。";
    GridBadValue => "'{value}' for {user} / {item} is not a rating on the scale {lo}–{hi}; nothing changed.",
        "{user} / {item} 的 '{value}' 不是 {lo}–{hi} 范围内的评分，未做修改。";
    Kind => "Compare", "比较对象";
    KindUser => "User-user", "用户-用户";
    KindItem => "Item-item", "商品-商品";
    Measure => "Measure", "相似度度量";
    MinSupport => "min_support", "min_support（最少共同评分）";
    Shrinkage => "shrinkage", "shrinkage（收缩）";
    ZeroFill => "Zero-filled: unrated counts as 0 (the articles' cosine)", "零填充：未评分记为 0（文章中的余弦）";
    Order => "Row order", "行顺序";
    OrderOriginal => "As in the data", "按数据顺序";
    OrderSpectral => "Reveal groups (spectral order)", "揭示分组（谱排序）";
    Legend => "Similarity", "相似度";
    HeatmapLabel => "{kind} similarity heatmap, {n} by {n}. Use the arrow keys to move, Enter to explain a cell.",
        "{kind}相似度热图，{n}×{n}。用方向键移动，回车查看计算过程。";
    CellInfo => "{a} · {b}: {value} ({n} common)", "{a} · {b}：{value}（{n} 个共同评分）";
    ClickHint => "Click a cell (or focus the map and press Enter) to see how it is computed.", "点击单元格（或聚焦热图后按回车）查看计算过程。";
    SvdppImplicit => "q_i·|I_u|^−½ Σ y_j = {implicit}: what the {n} {n|item|items} the user rated add, whatever the ratings.", "q_i·|I_u|^−½ Σ y_j = {implicit}：用户评过的 {n} 个物品本身（不论评分高低）带来的部分。";
    CoClusterNote => "User cluster {uc}, item cluster {ic}: the co-cluster's mean {c}, plus the user's mean {mu} less their cluster's {cu}, plus the item's mean {mi} less its cluster's {ci} (means of the ratings cut to whole numbers, as Surprise computes them).", "用户簇 {uc}、物品簇 {ic}：共簇均值 {c}，加上用户均值 {mu} 减去其所在簇的均值 {cu}，再加上物品均值 {mi} 减去其所在簇的均值 {ci}（与 Surprise 一样，均值按截去小数后的评分计算）。";
    SvdFactorsShown => "The {shown} largest of the {n} factor products q_if·p_uf; the other {rest_n} add {rest}, making q_i·p_u = {dot}.", "{n} 个因子乘积 q_if·p_uf 中最大的 {shown} 个；其余 {rest_n} 个合计 {rest}，得 q_i·p_u = {dot}。";
    SegmentsCapped => "{asked} {asked|segment was|segments were} asked for; {n} {n|customer allows|customers allow} {k} (at least {min} {min|customer|customers} each).", "要求 {asked} 个细分；{n} 位顾客只够分 {k} 个（每个至少 {min} 位顾客）。";
    ChooseFile => "Choose a file…", "选择文件…";
    ChooseFiles => "Choose files…", "选择文件…";
    UnknownUserShowing => "There is no user '{id}' in the data; showing {user}.", "数据中没有用户“{id}”；显示的是 {user}。";
    NothingToRecommend => "{user} has rated every item: there is nothing left to recommend.", "{user} 已为所有商品评分：没有可推荐的了。";
    ElbowCaption => "Inertia against k, from zero: look for the elbow where it stops falling fast. Silhouette against k, on its own scale: higher is better separated.", "惯性随 k 的变化（从零起）：找下降骤然变缓的“肘部”。轮廓系数随 k 的变化（独立刻度）：越高分得越开。";
    NoPositiveNeighbour => "No one is positively similar to {id} with this measure.", "用此度量，没有与 {id} 正相似的对象。";
    GridValueRefused => "The grid lists '{value}', which is not a whole number of at least 1 or a measure name: nothing was run.", "网格中列出的“{value}”既不是不小于 1 的整数，也不是度量名称：未运行。";
    FieldNumberNeeded => "A number is needed here; the value in use stays.", "此处需要一个数字；保留正在使用的值。";
    FieldNotANumber => "'{value}' is not a number; the value in use stays.", "“{value}”不是数字；保留正在使用的值。";
    FieldWhole => "{value} is not a whole number; the value in use stays.", "{value} 不是整数；保留正在使用的值。";
    FieldBetween => "{value} is not between {min} and {max}; the value in use stays.", "{value} 不在 {min} 到 {max} 之间；保留正在使用的值。";
    WayOutTitle => "Too large to show whole", "太大，无法完整显示";
    WayOutTooMany => "{n} {n|row|rows} are more than the {max} a heatmap draws.", "{n} 行超过热图可绘制的 {max} 行。";
    WayOutItems => "Show item-item instead ({n} {n|item|items})", "改看商品-商品（{n} 件商品）";
    WayOutUsers => "Show user-user instead ({n} {n|user|users})", "改看用户-用户（{n} 位用户）";
    WayOutSampleUsers => "Show a random sample of {k} {k|user|users}", "显示 {k} 位用户的随机样本";
    WayOutSampleItems => "Show a random sample of {k} {k|item|items}", "显示 {k} 件商品的随机样本";
    SampleNoteUsers => "A random sample of {k} of the {n} {n|user|users} (seed {seed}): each pair is compared on the same ratings as in the full matrix (pearson_baseline fits its baselines on the sample).", "{n} 位用户中的 {k} 位随机样本（种子 {seed}）：每一对按与完整矩阵相同的评分比较（pearson_baseline 在样本上拟合基线）。";
    SampleNoteItems => "A random sample of {k} of the {n} {n|item|items} (seed {seed}): each pair is compared on the same ratings as in the full matrix (adjusted cosine and pearson_baseline use the sample's means and baselines).", "{n} 件商品中的 {k} 件随机样本（种子 {seed}）：每一对按与完整矩阵相同的评分比较（调整余弦与 pearson_baseline 使用样本的均值与基线）。";
    SampleSize => "Sample size", "样本大小";
    ShowAllRows => "Show all", "显示全部";
    TooLargeToDraw => "Too many rows to draw", "行数过多，无法绘制";
    NeighboursOf => "Most similar to {id}", "与 {id} 最相似";
    ExplainTitle => "How {a} · {b} = {value} is computed", "{a} · {b} = {value} 的计算过程";
    ColumnItem => "Item", "商品";
    ColumnUser => "User", "用户";
    ColumnAttribute => "Attribute", "属性";
    RatingOf => "rating of {id}", "{id} 的评分";
    UsedValue => "value used for {id}", "{id} 参与计算的值";
    NoCommon => "No common ratings.", "没有共同评分。";
    ArticleNote => "The articles print this example with slips: √(25+4+16+25+1) is √71, not √81, and the dot product is 35, not 31. The zero-filled cosine of u1 and u2 is 35/√(51·71) ≈ 0.582 (not 0.48). Since 0 is a real rating on this 0–5 scale, the common-items cosine is the same number here.",
        "文章中的这个算例有笔误：√(25+4+16+25+1) 应为 √71 而不是 √81，点积为 35 而不是 31。u1 与 u2 的零填充余弦为 35/√(51·71) ≈ 0.582（不是 0.48）。由于在 0–5 评分中 0 是真实评分，这里按共同商品计算的余弦也是同一个数。";
    CosineNote => "Why two cosines? Surprise's cosine uses only common items; the articles' zero-filled cosine counts every unrated cell as 0, which lowers the norms' overlap and the value.",
        "为什么有两种余弦？Surprise 的余弦只看共同评分的商品；文章的零填充余弦把未评分记为 0，因此数值通常更低。";
    K => "Neighbours K", "近邻数 K";
    MaxDiscount => "Max discount %", "最大折扣 %";
    MinDiscount => "Min discount %", "最小折扣 %";
    AsInArticle => "As in the article's code (u among its neighbours, pooled mean, r_min from the data)", "按文章代码（包含用户自身、合并均值、r_min 取数据最小值）";
    UserFormula => "strength(u) = (r_max − r̄_K(u)) / (r_max − r_min); offer = strength × max discount, clamped to [min, max].",
        "强度(u) = (r_max − r̄_K(u)) / (r_max − r_min)；折扣 = 强度 × 最大折扣，并限制在 [最小, 最大] 之间。";
    ColUser => "User", "用户";
    ColNeighbours => "Neighbours", "近邻";
    ColMean => "r̄_K", "r̄_K";
    ColStrength => "Strength", "强度";
    ColOff => "% off", "优惠 %";
    ColZhe => "折", "折";
    ColWhy => "Why", "原因";
    SortBy => "Sort by {col}", "按{col}排序";
    DownloadCsv => "Download CSV", "下载 CSV";
    OffersHistogram => "Distribution of offers (% off)", "折扣分布（优惠 %）";
    UsersCount => "users", "用户数";
    WhyUser => "{k} {k|neighbour rates|neighbours rate} {mean} on average → ({hi} − {mean}) / ({hi} − {lo}) = {s} → {off}% off ({zhe})",
        "{k} 位近邻平均评分 {mean} → ({hi} − {mean}) / ({hi} − {lo}) = {s} → 优惠 {off}%（{zhe}）";
    WhyUserArticle => "{user} and {k} nearest {k|user|users} give {mean} on average → ({hi} − {mean}) / ({hi} − {lo}) = {s} → {off}% off ({zhe})",
        "{user} 及 {k} 位最近用户平均评分 {mean} → ({hi} − {mean}) / ({hi} − {lo}) = {s} → 优惠 {off}%（{zhe}）";
    WhyNoNeighbours => "no user is positively similar over common ratings: the global mean {mean} was used → {off}% off",
        "没有与其共同评分且正相似的用户：使用全局均值 {mean} → 优惠 {off}%";
    WhyFlatScale => "r_max equals r_min: strength 0", "r_max 等于 r_min：强度为 0";
    ItemFormula => "discount(i) = m / (1 − m), m the lowest discount rate among the K items most similar to i by attribute Jaccard; clamped to [0, max].",
        "折扣(i) = m / (1 − m)，m 为按属性 Jaccard 与 i 最相似的 K 件商品中最低的折扣率；限制在 [最小, 最大] 之间。";
    ColItem => "Item", "商品";
    ColSimilarItems => "Similar items (Jaccard)", "相似商品（Jaccard）";
    ColM => "m", "m";
    ColRaw => "m / (1 − m)", "m / (1 − m)";
    ColDiscount => "Discount", "折扣";
    WhyItem => "lowest rate among similar items m = {m} → {m} / (1 − {m}) = {raw}", "相似商品最低折扣率 m = {m} → {m} / (1 − {m}) = {raw}";
    WhyItemCapped => "m / (1 − m) = {raw} is above the maximum: capped at {off}%", "m / (1 − m) = {raw} 超过上限：取 {off}%";
    WhyItemSaturated => "m = {m} ≥ 0.5: the formula saturates (≥ 100% off); capped at {off}%", "m = {m} ≥ 0.5：公式饱和（≥ 100% 优惠）；取上限 {off}%";
    WhyItemNone => "no similar item has discount rates: no discount", "没有相似商品带有折扣率：不打折";
    NeedItems => "Load an item table with attributes (or a sample) to see item discounts.", "请载入带属性的商品表（或示例）以查看商品折扣。";
    ComputeFailed => "Cannot compute: {reason}", "无法计算：{reason}";
    Step_CommonCount => "Common ratings", "共同评分数";
    Step_SumProducts => "Sum of products", "乘积之和";
    Step_SumSquaresA => "Sum of squares (a)", "平方和 (a)";
    Step_SumSquaresB => "Sum of squares (b)", "平方和 (b)";
    Step_NormA => "Squared norm of a over all columns (unrated = 0)", "a 在所有列上的模平方（未评分 = 0）";
    Step_NormB => "Squared norm of b over all columns (unrated = 0)", "b 在所有列上的模平方（未评分 = 0）";
    Step_MeanA => "Mean of a over common ratings", "a 在共同评分上的均值";
    Step_MeanB => "Mean of b over common ratings", "b 在共同评分上的均值";
    Step_Covariance => "Centred products", "中心化乘积之和";
    Step_VarianceA => "Centred squares (a)", "中心化平方和 (a)";
    Step_VarianceB => "Centred squares (b)", "中心化平方和 (b)";
    Step_SquaredDifferences => "Sum of squared differences", "差的平方和";
    Step_MeanSquaredDifference => "Mean squared difference", "均方差";
    Step_Baseline => "Baseline (ALS): global mean and biases", "基线（ALS）：全局均值与偏置";
    Step_SetSizes => "Set sizes", "集合大小";
    Step_Raw => "Measure", "度量值";
    Step_Shrinkage => "Shrinkage factor (n − 1) / (n − 1 + shrinkage)", "收缩系数 (n − 1) / (n − 1 + shrinkage)";
    Step_BelowMinSupport => "Fewer common ratings than min_support, so the similarity is 0", "共同评分少于 min_support，因此相似度为 0";
    Step_Undefined => "Zero denominator: undefined, shown as 0", "分母为零：无定义，记为 0";
    Step_Final => "Similarity", "相似度";
    Err_Empty => "there are no data lines (the text is empty or blank)", "没有数据行（内容为空或只有空白）";
    Err_Binary => "this looks like a binary file, not text", "这似乎是二进制文件，而不是文本";
    Err_TooLarge => "the file is {size} MB, over the limit of {limit} MB", "文件大小 {size} MB，超过上限 {limit} MB";
    Err_MissingField => "missing field '{name}' (found {found} {found|field|fields}, need at least {needed})", "缺少字段 '{name}'（只有 {found} 个字段，至少需要 {needed} 个）";
    Err_TooManyFields => "{found} {found|field|fields}, but the format has at most {max}", "有 {found} 个字段，但格式最多允许 {max} 个";
    Err_EmptyId => "{name} id is empty", "{name} 编号为空";
    Err_NotANumber => "{name} '{value}' is not a number", "{name} '{value}' 不是数字";
    Err_NotFinite => "{name} '{value}' is not a finite number", "{name} '{value}' 不是有限数";
    Err_OutOfScale => "{name} {value} is outside the scale {lo}..{hi}", "{name} {value} 超出范围 {lo}..{hi}";
    Err_BeyondLimit => "{name} {value} is beyond the largest accepted, ±{limit}", "{name} {value} 超出可接受的最大值 ±{limit}";
    Err_Negative => "{name} {value} is negative", "{name} {value} 不能为负数";
    Err_NotPositive => "{name} {value} must be greater than 0", "{name} {value} 必须大于 0";
    Err_Duplicate => "{name} '{id}' is already on line {first}", "{name}“{id}”已在第 {first} 行出现";
    Err_HeaderNeeded => "the first line must be a header naming the columns, like {example}", "第一行必须是列名表头，例如 {example}";
    Err_NotAnEvent => "event '{value}' is not view, cart or purchase", "事件“{value}”不是 view、cart 或 purchase";
    Err_NotADate => "{name} '{value}' is neither a number nor a date like 2026-01-31", "{name}“{value}”既不是数字也不是形如 2026-01-31 的日期";
    Err_OverLimit => "over the limit of {limit} {what}", "超过 {what} 上限 {limit}";
    Err_Csv => "unreadable CSV: {detail}", "无法读取的 CSV：{detail}";
    Err_UnclosedQuote => "the quote that opens this field is never closed", "此字段开头的引号没有闭合";
    Err_Where => "line {line}, column {column}: ", "第 {line} 行第 {column} 列：";
    Err_WhereLine => "line {line}: ", "第 {line} 行：";
    ReadFailed => "The file could not be read.", "无法读取文件。";
    StratSeedUser => "Collaborative filtering: user formula (seed-user)", "协同过滤：用户公式（seed-user）";
    StratSeedItem => "Collaborative filtering: item formula (seed-item)", "协同过滤：商品公式（seed-item）";
    StratSegment => "Segments (segment)", "客户细分（segment）";
    StratElasticity => "Price elasticity (elasticity)", "价格弹性（elasticity）";
    StratPropensity => "Purchase probability (propensity)", "购买概率（propensity）";
    StratCoupon => "Coupon rules (coupon)", "优惠券规则（coupon）";
    StrategyControls => "Strategy and guardrails", "策略与护栏";
    Strategy => "Strategy", "策略";
    MinMargin => "Minimum margin over cost %", "最低毛利率（相对成本）%";
    PerUserCap => "Cap per user (amount)", "单人优惠上限（金额）";
    Segments => "Segments k", "细分数 k";
    SegmentModel => "Segment model", "细分模型";
    Gmm => "Gaussian mixture (EM)", "高斯混合（EM）";
    SegmentTable => "Set the offer per segment in a table", "用表格设定每个细分的优惠";
    RegularisationC => "Regularisation C (empty: none)", "正则化 C（留空：不正则化）";
    Coupons => "Coupons", "优惠券";
    CouponPct => "% off", "折扣 %";
    CouponMax => "Cap (amount)", "上限（金额）";
    CouponScope => "Applies to", "适用范围";
    CouponScopeSite => "everything (site-wide)", "全场";
    CouponScopeCategory => "category {name}", "品类 {name}";
    CouponScopeItem => "one item…", "单个商品…";
    CouponItemId => "item id", "商品编号";
    CouponFrom => "Valid from", "生效日";
    CouponUntil => "Valid until", "截止日";
    CouponRemove => "Remove", "删除";
    CouponAdd => "Add a coupon", "添加优惠券";
    CouponAt => "Offers made on", "发券日期";
    CouponAtHint => "A coupon with dates applies only when the offers are made inside its window (both days included); an empty date leaves that side open.", "带日期的券只在发券日期落在有效期内时生效（含首尾两天）；日期留空表示该端不限。";
    CouponPctOf => "coupon {n}: % off", "第 {n} 张券：折扣 %";
    CouponMaxOf => "coupon {n}: cap (amount)", "第 {n} 张券：上限（金额）";
    CouponScopeOf => "coupon {n}: applies to", "第 {n} 张券：适用范围";
    CouponItemOf => "coupon {n}: item id", "第 {n} 张券：商品编号";
    CouponFromOf => "coupon {n}: valid from", "第 {n} 张券：生效日";
    CouponUntilOf => "coupon {n}: valid until", "第 {n} 张券：截止日";
    CouponRemoveOf => "remove coupon {n}", "删除第 {n} 张券";
    CouponCombine => "Combine coupons", "多券合并方式";
    CouponBestOf => "best of", "取最优";
    CouponStacked => "stacked, with a cap", "叠加并封顶";
    CouponStackCap => "Stacking cap %", "叠加上限 %";
    FormulaSeedUser => "strength = (r_max − r̄_K) / (r_max − r_min); offer = strength × maximum discount", "强度 = (r_max − r̄_K) / (r_max − r_min)；优惠 = 强度 × 最大折扣";
    FormulaSeedItem => "offer = m / (1 − m), m = the lowest discount rate among the K most similar items of the user's most frequent item", "优惠 = m / (1 − m)，m 为用户最常购商品的 K 个最相似商品中的最低折扣率";
    FormulaSegment => "k-means (k-means++, restarts) or a Gaussian mixture on z-scored recency, frequency, monetary value, mean rating and views; each segment's offer from the table or from its elasticity by the markup rule", "在标准化的最近购买、频次、金额、平均评分和浏览数上做 k-means（k-means++，多次重启）或高斯混合；每个细分的优惠来自表格或由其弹性经加价规则得出";
    FormulaElasticity => "ln E[q] = α + ε·ln(P/P0), fitted by Poisson pseudo-maximum likelihood; ε shrunk toward the segment's; P* = c / (1 − 1/|ε|), d* = max(0, 1 − P*/P0); no interior optimum when |ε| ≤ 1", "ln E[q] = α + ε·ln(P/P0)，用泊松伪极大似然估计；ε 向所在细分收缩；P* = c / (1 − 1/|ε|)，d* = max(0, 1 − P*/P0)；|ε| ≤ 1 时没有内部最优";
    FormulaPropensity => "logit p = β·x + β_d·d + γ·(d × user features); d maximises p(d)·(P(1 − d) − c) − p(0)·(P − c)", "logit p = β·x + β_d·d + γ·(d × 用户特征)；d 使 p(d)·(P(1 − d) − c) − p(0)·(P − c) 最大";
    FormulaCoupon => "coupon value = min(fixed amount, percentage × price); best of: the largest; stacked: the sum, capped", "券值 = min(固定金额, 百分比 × 价格)；取最优：最大者；叠加：求和并封顶";
    ArticleFormulaDetail => "The articles' user formula, step by step", "文章中的用户公式，逐步展示";
    StrategyUnavailable => "This strategy cannot run on the loaded data: {reason}", "此策略无法在当前数据上运行：{reason}";
    SettingInvalid => "These settings are not valid: {reason}", "这些设置无效：{reason}";
    StrategyTotals => "Expected outcome", "预期结果";
    UsersOffered => "Users offered", "获得优惠的用户";
    MeanOffer => "Mean offer", "平均优惠";
    ExpectedConversions => "Expected purchases", "预期购买";
    ExpectedRevenue => "Expected revenue", "预期收入";
    ExpectedMargin => "Expected margin", "预期毛利";
    DiscountCost => "Expected discount cost", "预期折扣成本";
    IncrementalProfit => "Incremental profit vs no offer", "相对不打折的增量利润";
    ModelQuality => "Purchase model on held-out users: accuracy {acc}, precision {prec}, recall {rec}, F1 {f1}, AUC {auc} ({rows} {rows|row|rows})", "购买模型在留出用户上：准确率 {acc}，精确率 {prec}，召回率 {rec}，F1 {f1}，AUC {auc}（{rows} 行）";
    NoPurchaseModel => "No purchase model, so no expected figures: {reason}", "没有购买模型，因此没有预期数字：{reason}";
    SegmentQuality => "Segments (k = {k}): inertia {inertia}, silhouette {sil}", "细分（k = {k}）：惯性 {inertia}，轮廓系数 {sil}";
    OffersPerUser => "Offers per user", "每位用户的优惠";
    ColSegment => "Segment", "细分";
    ColConversion => "p(buy)", "购买概率";
    ColExpectedCost => "Expected cost", "预期成本";
    ColCurve => "p(buy | d)", "p(购买 | d)";
    MoreRowsInCsv => "{n} more users are in the CSV download.", "另有 {n} 位用户在 CSV 下载中。";
    Budget => "Budget", "预算";
    UseBudget => "Limit the total expected discount cost", "限制预期折扣总成本";
    BudgetNone => "No budget: the offers would cost {spend} in expectation.", "无预算：这些优惠的预期成本为 {spend}。";
    BudgetStatus => "Budget {budget}: λ = {lambda}, expected spend {spend}, incremental profit {profit}", "预算 {budget}：λ = {lambda}，预期支出 {spend}，增量利润 {profit}";
    BudgetFlips => "Since the last move, users who gained an offer: {in}; who lost one: {out}.", "与上次相比：获得优惠的用户 {in} 位，失去优惠的 {out} 位。";
    FormulaBudget => "Each user keeps 0, ¼, ½, ¾ or all of the offer, maximising extra purchases − λ × cost; λ by bisection so spend ≤ budget, then a greedy top-up.", "每位用户保留 0、¼、½、¾ 或全部优惠，使增量购买 − λ × 成本最大；λ 用二分法确定使支出 ≤ 预算，再贪心补足。";
    OffersBySegment => "Offers by segment", "各细分的优惠分布";
    SegmentMap => "Customers on their first two principal components", "客户在前两个主成分上的分布";
    SegmentMapCaption => "PC1 explains {pc1} and PC2 {pc2} of the variance of the standardised features; colour = segment.", "PC1 解释标准化特征方差的 {pc1}，PC2 解释 {pc2}；颜色 = 细分。";
    CompareStrategies => "All strategies on the same customers", "同一批客户上的全部策略";
    CompareHint => "Same guardrails and budget for all; expectations under the purchase-probability model fitted on the purchase log.", "所有策略使用相同的护栏和预算；预期值来自在购买记录上拟合的购买概率模型。";
    Fairness => "Fairness and transparency", "公平与透明";
    FairnessWarning => "Offers differ by {attr}, a sensitive attribute: mean gap {gap} {gap|point|points}, share ratio {ratio} (four-fifths rule: 0.8), η² {eta}. It was not an input, but segments or purchase history can stand in for it.", "优惠随敏感属性 {attr} 而不同：平均差距 {gap} 个百分点，获得比例之比 {ratio}（五分之四规则：0.8），η² {eta}。它并非输入，但细分或购买历史可能充当了它的代理。";
    FairnessSummary => "mean gap {gap} {gap|point|points}, share ratio {ratio}, η² {eta}", "平均差距 {gap} 个百分点，获得比例之比 {ratio}，η² {eta}";
    Group => "Group", "组";
    ShareOffered => "Share offered", "获得优惠比例";
    FairnessFormula => "Share ratio = lowest share offered ÷ highest (flagged below 0.8, the four-fifths rule); η² = between-group share of the offers' variance (flagged at 0.10 for sensitive attributes).", "比例之比 = 最低获得比例 ÷ 最高（低于 0.8 即五分之四规则时提示）；η² = 优惠方差中组间部分的占比（敏感属性达 0.10 时提示）。";
    TraitLapsed => "lapsed", "久未购买";
    TraitRecent => "recent", "近期活跃";
    TraitFrequent => "frequent", "高频";
    TraitRare => "rare", "低频";
    TraitHighSpend => "high spend", "高消费";
    TraitLowSpend => "low spend", "低消费";
    TraitGenerous => "generous rater", "评分宽松";
    TraitHarsh => "harsh rater", "评分严格";
    TraitBrowsesLot => "browses a lot", "浏览多";
    TraitBrowsesLittle => "browses little", "浏览少";
    TraitCartsLot => "fills carts", "常加购物车";
    TraitCartsLittle => "rarely carts", "很少加购物车";
    TraitManyRatings => "many ratings", "评分多";
    TraitFewRatings => "few ratings", "评分少";
    TraitVaried => "varied ratings", "评分分散";
    TraitSteady => "steady ratings", "评分稳定";
    TraitTypical => "typical", "普通";
    ElasticityTable => "Estimated price elasticities", "估计的价格弹性";
    ElasticityHint => "ε from the log-log model ln E[q] = α + ε·ln(P/P0), Poisson pseudo-maximum likelihood; standard errors clustered by user; 95% interval ε ± 1.96·SE.", "ε 来自双对数模型 ln E[q] = α + ε·ln(P/P0)，泊松伪极大似然估计；标准误按用户聚类；95% 区间 ε ± 1.96·SE。";
    ColGroup => "Group", "组";
    ColElasticity => "ε", "ε";
    ColSe => "SE", "标准误";
    ColCi => "95% interval", "95% 区间";
    ColRows => "Rows", "行数";
    ColPurchases => "Purchases", "购买数";
    NoEstimateReason => "no estimate: {reason}", "无法估计：{reason}";
    SegmentPrefix => "segment", "细分";
    CategoryPrefix => "category", "品类";
    EvaluateModel => "Cross-validate the purchase model", "交叉验证购买模型";
    EvaluateModelHint => "5-fold cross-validation of the logistic model for C = 0.01, 0.1, 1, 10 and no penalty; best by mean AUC.", "对 C = 0.01、0.1、1、10 和不正则化的逻辑回归做 5 折交叉验证；按平均 AUC 选最优。";
    ColC => "C", "C";
    ColAccuracy => "Accuracy", "准确率";
    ColPrecisionShort => "Precision", "精确率";
    ColRecallShort => "Recall", "召回率";
    ColF1 => "F1", "F1";
    ColAuc => "AUC", "AUC";
    BestMark => "best", "最优";
    NoPenalty => "none", "无";
    ChooseK => "Help me choose k", "帮我选择 k";
    ChooseKHint => "k-means for k = 1 to 8 (4 restarts each): look for the elbow of the inertia and the highest silhouette.", "k = 1 到 8 的 k-means（各重启 4 次）：找惯性曲线的拐点和最高的轮廓系数。";
    Inertia => "inertia", "惯性";
    Silhouette => "silhouette", "轮廓系数";
    FlipsIn => "gained: {ids}", "获得：{ids}";
    FlipsOut => "lost: {ids}", "失去：{ids}";
    PurchasesFile => "Purchase log (optional)", "购买记录（可选）";
    PurchasesHint => "CSV user,item,list_price,price_paid,quantity,timestamp — quantity 0 is a view without a purchase; the timestamp is Unix seconds or a date like 2026-06-30; an optional event column (view, cart, purchase) marks views and carts. Needed for segments by RFM, elasticity and purchase probability.", "CSV：user,item,list_price,price_paid,quantity,timestamp —— 数量 0 表示浏览未购买；时间为 Unix 秒数或 2026-06-30 这样的日期；可选的 event 列（view、cart、purchase）标出浏览和加购。RFM 细分、弹性和购买概率需要它。";
    UsersFile => "User table (optional)", "用户表（可选）";
    UsersHint => "CSV with a header user,age,gender,... or MovieLens u.user. Used only to audit offers for fairness, never to set them.", "带表头 user,age,gender,... 的 CSV，或 MovieLens 的 u.user。只用于审查优惠是否公平，从不用于定价。";
    SummaryPurchases => "purchase log: {n} {n|row|rows}, {known} of its {users} {users|customer|customers} in the ratings", "购买记录：{n} 行，{users} 位顾客中 {known} 位在评分数据里";
    SummaryUsers => "user table: {n} {n|user|users} ({known} in the ratings), columns {columns}", "用户表：{n} 位用户（{known} 位在评分数据里），列：{columns}";
    SummaryNoUsers => "no user table", "无用户表";
    NoCommonUsers => "None of the {what}'s customers are in the rating set, so it changes nothing: check that both files use the same user ids.", "{what}中的顾客都不在评分数据里，所以它不起作用：请检查两个文件的用户编号是否一致。";
    WhatPurchaseLog => "purchase log", "购买记录";
    WhatUserTable => "user table", "用户表";
    SummaryNoPurchases => "no purchase log", "无购买记录";
    WhyStrategyUser => "{k} {k|neighbour|neighbours} ({ids}) {k|rates|rate} {mean} on average: strength {s} → {off}% proposed", "{k} 位近邻（{ids}）平均评分 {mean}：强度 {s} → 建议 {off}%";
    WhyStrategyUserNone => "no positively similar neighbour: the global mean {mean} was used → {off}% proposed", "没有正相似的近邻：使用全局均值 {mean} → 建议 {off}%";
    WhyStrategyItem => "item {item}: similar items sold at m = {m} → {off}% proposed", "商品 {item}：相似商品折扣率 m = {m} → 建议 {off}%";
    WhySegmentTable => "segment “{name}” gets {off}% (segment table)", "细分“{name}”统一给 {off}%（细分表）";
    WhySegmentMarkup => "segment “{name}”: ε = {e} ± {se}, markup rule → {off}%", "细分“{name}”：ε = {e} ± {se}，加价规则 → {off}%";
    WhySegmentElasticity => "segment “{name}”: ε = {e} ± {se}", "细分“{name}”：ε = {e} ± {se}";
    WhySegmentNoEstimate => "segment “{name}”: no elasticity could be estimated → no discount", "细分“{name}”：无法估计弹性 → 不打折";
    WhyElasticity => "ε = {e} (own {own} ± {se}, weight {w}; segment {seg})", "ε = {e}（本人 {own} ± {se}，权重 {w}；细分 {seg}）";
    WhyElasticityNoOwn => "ε = {e} ± {se} (the segment's; too few own purchases)", "ε = {e} ± {se}（沿用细分值；本人购买太少）";
    WhyElasticityOwnOnly => "ε = {e} ± {se} (own; the segment has no estimate)", "ε = {e} ± {se}（本人；细分无估计）";
    WhyMarkupInterior => "P* = c / (1 − 1/|ε|) = {p} below list {list} → {off}% proposed", "P* = c / (1 − 1/|ε|) = {p} 低于标价 {list} → 建议 {off}%";
    WhyMarkupAbove => "P* = {p} ≥ list {list}: no discount pays", "P* = {p} ≥ 标价 {list}：打折不划算";
    WhyMarkupInelastic => "|ε| ≤ 1: demand is inelastic, no interior optimum → no discount", "|ε| ≤ 1：需求缺乏弹性，没有内部最优 → 不打折";
    WhyMarkupNotDownward => "ε ≥ 0: demand does not fall as the price rises, so the markup rule does not apply → no discount", "ε ≥ 0：需求不随价格上升而下降，加价规则不适用 → 不打折";
    WhyMarkupNoCost => "no unit cost: the markup rule needs one → no discount", "没有单位成本：加价规则需要成本 → 不打折";
    WhyPropensity => "p(buy) {p0} at 0% → {pd} at {off}%; expected extra profit {v}", "购买概率 0% 时 {p0} → {off}% 时 {pd}；预期增量利润 {v}";
    WhyPropensityNone => "p(buy) {p0} without a discount, and no discount adds purchases worth its cost → no offer", "不打折时购买概率 {p0}，任何折扣带来的新增购买都抵不上成本 → 不发优惠";
    WhyPropensityNoCost => "(no unit costs: revenue maximised)", "（无单位成本：按收入最大化）";
    WhyCoupon => "coupons {list} take {value} off {price}", "优惠券 {list} 在 {price} 上减 {value}";
    WhyCouponOne => "coupon {list} takes {value} off {price}", "优惠券 {list} 在 {price} 上减 {value}";
    WhyCouponCapped => "(stacking capped)", "（叠加已封顶）";
    WhyCouponNone => "no coupon applies", "没有适用的优惠券";
    WhyUnavailable => "no offer: {reason}", "无优惠：{reason}";
    Need_PurchaseLogForElasticity => "elasticities need a purchase log with prices paid (user,item,list_price,price_paid,quantity,timestamp)", "弹性需要带实付价格的购买记录（user,item,list_price,price_paid,quantity,timestamp）";
    Need_PurchaseLogForModel => "the purchase-probability model needs a purchase log (user,item,list_price,price_paid,quantity,timestamp)", "购买概率模型需要购买记录（user,item,list_price,price_paid,quantity,timestamp）";
    Need_PurchaseLogUsers => "no purchase-log row belongs to a user of the rating set", "购买记录中没有评分数据里的用户";
    Need_BothOutcomes => "the purchase log needs views without a purchase (quantity 0) as well as purchases", "购买记录既要有购买，也要有浏览未购买（数量 0）的行";
    Need_ItemAttributes => "attribute Jaccard and the item formula need an item table with attributes", "属性 Jaccard 和商品公式需要带属性的商品表";
    Need_MoreUsersThanSegments => "k = {k} {k|segment|segments} need at least {k} {k|user|users}, and the data has {n}", "k = {k} 个细分至少需要 {k} 位用户，而数据中只有 {n} 位";
    Err_ItemTableForOtherItems => "none of the item table's {n} {n|item|items} ({example}, …) is in the ratings (whose items are like {rated}): is it the right file?", "商品表的 {n} 件商品（{example} 等）没有一件出现在评分数据中（评分数据的商品形如 {rated}）：文件选对了吗？";
    Need_Regularisation => "the features are collinear or the classes are perfectly separated; add regularisation (C)", "特征共线或类别完全可分；请加正则化（C）";
    Err_MatrixTooLarge => "a {n} × {n} similarity matrix needs {needed} MB, over the {budget} MB budget; use fewer users or items", "{n} × {n} 的相似度矩阵需要 {needed} MB，超过 {budget} MB 的上限；请减少用户或商品";
    StoredAsF32 => "stored as 32-bit floats (±1e-7): as 64-bit floats this {n} × {n} matrix would need {needed} MB, over the {budget} MB budget; it takes {bytes} MB", "按 32 位单精度保留（误差 ±1e-7）：如果用 64 位双精度，这个 {n} × {n} 矩阵需要 {needed} MB，超过 {budget} MB 的上限；现占用 {bytes} MB";
    Err_UnknownId => "unknown {what} '{id}'", "未知的{what}“{id}”";
    Need_Features => "clustering needs at least one feature", "聚类至少需要一个特征";
    Need_DistinctTrueRatings => "FCP needs a user with two predictions whose true ratings differ", "FCP 需要某个用户有两条真实评分不同的预测";
    Err_TooFewRows => "{task} needs at least {needed} {needed|row|rows}; there {found|is|are} {found}", "{task}至少需要 {needed} 行，现有 {found} 行";
    Err_NotFiniteCell => "row {row}, feature {feature}: {value} is not a finite number", "第 {row} 行第 {feature} 个特征：{value} 不是有限数";
    Err_NotFiniteStep => "{task} failed: a step of the fit is not a finite number", "{task}失败：拟合的某一步不是有限数";
    Err_NoTrueRating => "the prediction for user '{user}' and item '{item}' has no true rating to compare with", "用户“{user}”对商品“{item}”的预测没有可比较的真实评分";
    Err_MismatchUserMatrix => "the user discount needs the user-user similarity matrix of these ratings", "用户折扣需要这些评分的用户-用户相似度矩阵";
    Err_MismatchNeighbourLists => "one neighbour list per user is needed", "每个用户需要一个近邻列表";
    Task_Metrics => "scoring predictions", "预测评分";
    Task_Logistic => "logistic regression", "逻辑回归";
    Task_KMeans => "k-means with {k} clusters", "{k} 个簇的 k 均值";
    Task_Clustering => "clustering", "聚类";
    Task_Pca => "principal component analysis", "主成分分析";
    Task_Fit => "fitting {algo}", "拟合 {algo}";
    NoEstPurchases => "no purchases", "没有购买";
    NoEstPriceVariation => "no price variation", "价格没有变化";
    NoEstNotConverged => "did not converge", "未收敛";
    WorkersUnavailable => "Web Workers are not available in this browser", "此浏览器不支持 Web Worker";
    WorkerStartFailed => "could not start the worker", "无法启动后台线程";
    SlopeOneMeans => "r̄_u = {mean}, mean deviation = {dev}", "r̄_u = {mean}，平均偏差 = {dev}";
    KMeans => "k-means", "k 均值（k-means）";
    BudgetNeedsPrices => "A budget needs prices: load an item table with list prices, or a purchase log, so that each offer's cost can be counted.", "预算需要价格：请载入带标价的商品表或购买记录，以便计算每个优惠的成本。";
    BudgetGoal => "Spend it on", "用于";
    BudgetGoalPurchases => "the most extra purchases", "尽量多的新增购买";
    BudgetGoalProfit => "the most incremental profit", "尽量多的增量利润";
    FormulaBudgetProfit => "Each user keeps 0, ¼, ½, ¾ or all of the offer, maximising incremental profit − λ × cost (offers that lose money are dropped); λ by bisection so spend ≤ budget, then a greedy top-up.", "每位用户保留 0、¼、½、¾ 或全部优惠，使 增量利润 − λ × 成本 最大（亏钱的优惠被去掉）；λ 用二分法求得使支出 ≤ 预算，再贪心补足。";
    Customers => "Customers", "顾客数";
    Products => "Products", "商品数";
    ShopSizeHint => "Large shops take seconds in the Discounts view: the user formula compares every pair of customers (several seconds for 10,000).", "大型商店在折扣页需要数秒：用户公式要比较每一对顾客（10,000 位需要几秒）。";
    RangeTitle => "95% range of outcomes: ± {half} (who buys is random; the model is taken as exact)", "95% 结果区间：± {half}（谁购买是随机的；模型视为准确）";
    LossReason => "Why it loses money against no offer: the {extra} extra purchases it brings earn {gain} of margin, but {anyway} of its {cost} discount cost ({share}%) goes to customers who would have bought anyway.", "为何比不打折亏钱：它带来的 {extra} 次额外购买赚得 {gain} 毛利，但 {cost} 折扣成本中有 {anyway}（{share}%）给了本来就会购买的顾客。";
    RangeHint => "± is the 95% range of outcomes from the randomness of who buys (each customer buys with their model probability); the model's own estimation error is not included.", "± 表示由谁会购买的随机性带来的 95% 结果区间（每位顾客按模型概率购买）；不含模型自身的估计误差。";
    UseBestC => "Use C = {c} for the purchase model", "购买模型改用 C = {c}";
    ColOls => "OLS on ln q, buyers only (ε ± SE)", "仅购买行的 ln q 最小二乘（ε ± SE）";
    OlsHint => "The last column is the textbook log-log regression, least squares of ln q on ln(P/P0): it must drop the views without a purchase (ln 0 is undefined), and what remains barely moves with the price, so it is biased toward 0 — on the synthetic shop it reads well under half the true size (the truth is −3 for the most sensitive segment). That is why ε is fitted by Poisson pseudo-maximum likelihood, which keeps the zeros.", "最后一列是教科书式的对数-对数回归，即 ln q 对 ln(P/P0) 的最小二乘：它必须丢掉没有购买的浏览行（ln 0 无定义），剩下的几乎不随价格变化，因此偏向 0——在合成商店上它给出的大小远不到真实值的一半（最敏感细分的真实值为 −3）。所以 ε 用保留零值的泊松伪极大似然来估计。";
    FairnessSmallGroups => "Groups of fewer than {n} {n|user|users} are listed but not judged: they are left out of the share ratio and the warning.", "少于 {n} 人的群体只列出不评判：不计入获得比例之比和警告。";
    CouponNone => "No coupons: add one to make offers.", "没有优惠券：添加一张才能发优惠。";
    CouponWindowRefused => "Coupon #{n}: that date would end the window before it starts, so the change was not applied.", "第 {n} 张券：该日期会使有效期在开始前就结束，所以未应用此修改。";
    CouponUnknownItem => "Coupon #{n}: item “{item}” is not in the data, so the coupon applies to no one.", "第 {n} 张券：商品“{item}”不在数据中，所以此券对任何人都不适用。";
    CouponFixedHint => "A coupon's value is min(cap, % × price): for a fixed amount off, say 5, give 100% with a cap of 5.", "券值 = min(上限, 百分比 × 价格)：要固定减 5 元，就设 100% 并把上限设为 5。";
    ComputingStrategies => "Computing every strategy for {n} {n|customer|customers}: segments, the purchase model, elasticities and each customer's neighbours. This takes a few seconds in the browser.", "正在为 {n} 位顾客计算所有策略：细分、购买模型、弹性以及每位顾客的近邻。在浏览器中需要几秒钟。";
    ComputingStrategiesShort => "Computing strategies", "正在计算策略";
    SparklineLabel => "p(buy | d): {p0} at 0%, {pm} at the offer of {dm}%, {p1} at {d}%", "购买概率 p(buy | d)：0% 时 {p0}，优惠 {dm}% 时 {pm}，{d}% 时 {p1}";
    UnavailableNoListPrice => "no list price for the user's items", "该用户的商品没有标价";
    UnavailableNoItemRates => "no item-table row with discount rates for the user's item", "商品表中没有该用户商品的历史折扣率";
    UnavailableNoElasticity => "no elasticity estimate for the user or their segment", "该用户及其细分都没有弹性估计";
    WhyGuards => "lowered by: {guards}", "被限制：{guards}";
    GuardMax => "maximum discount", "最大折扣";
    GuardMargin => "margin floor", "毛利下限";
    GuardCap => "per-user cap", "单人上限";
    WhyBudget => "budget λ = {lambda}: kept {kept}% of the offer", "预算 λ = {lambda}：保留 {kept}% 的优惠";
}

/// Fills `{name}` placeholders.
///
/// `{name|one|many}` is `one` when `name` is 1 and `many` otherwise, for English plurals:
/// `fill("{k} {k|neighbour|neighbours}", &[("k", "1".into())])` is "1 neighbour".
pub fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
        let plural = format!("{{{name}|");
        while let Some(start) = out.find(&plural) {
            let Some(len) = out[start..].find('}') else { break };
            let choice = out[start + plural.len()..start + len].to_string();
            let (one, many) = choice.split_once('|').unwrap_or((choice.as_str(), choice.as_str()));
            let word = if value == "1" { one } else { many }.to_string();
            out.replace_range(start..=start + len, &word);
        }
    }
    out
}

/// `text` then `fill`.
pub fn tr(lang: Lang, key: Key, values: &[(&str, String)]) -> String {
    fill(text(lang, key), values)
}
