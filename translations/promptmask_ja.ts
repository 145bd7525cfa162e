<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>AnnotationFile</name>
    <message>
        <source>%1 is not a readable labelme file: %2</source>
        <translation>%1 は読み込める labelme ファイルではありません: %2</translation>
    </message>
    <message>
        <source>%1 belongs to %2, not to %3 (two images share a name; rename one of them to annotate both)</source>
        <translation>%1 は %3 ではなく %2 のものです（2 枚の画像が同じ名前です。両方をアノテーションするには一方の名前を変更してください）</translation>
    </message>
    <message>
        <source>%1 was made for a %2×%3 image, but %4 is %5×%6</source>
        <translation>%1 は %2×%3 の画像用に作成されましたが、%4 は %5×%6 です</translation>
    </message>
</context>
<context>
    <name>CandidatePromoter</name>
    <message>
        <source>New label &quot;%1&quot; from the Prompt lab</source>
        <translation>プロンプトラボから新しいラベル「%1」</translation>
    </message>
    <message>
        <source>Add prompt &quot;%1&quot; to label &quot;%2&quot;</source>
        <translation>プロンプト「%1」をラベル「%2」に追加</translation>
    </message>
    <message>
        <source>Add &quot;%1&quot; to the ensemble of label &quot;%2&quot;</source>
        <translation>「%1」をラベル「%2」のアンサンブルに追加</translation>
    </message>
    <message>
        <source>Add negative &quot;%1&quot; to label &quot;%2&quot;</source>
        <translation>ラベル「%2」にネガティブ「%1」を追加</translation>
    </message>
</context>
<context>
    <name>DocumentCommands</name>
    <message>
        <source>Add label &quot;%1&quot;</source>
        <translation>ラベル「%1」を追加</translation>
    </message>
    <message>
        <source>Remove label &quot;%1&quot;</source>
        <translation>ラベル「%1」を削除</translation>
    </message>
    <message>
        <source>Reorder labels</source>
        <translation>ラベルを並べ替え</translation>
    </message>
    <message>
        <source>Select the label to fill first.</source>
        <translation>先に塗りつぶすラベルを選んでください。</translation>
    </message>
    <message>
        <source>%1 is hidden: show it to paint it.</source>
        <translation>%1 は非表示です。塗るには表示してください。</translation>
    </message>
    <message>
        <source>This pixel is part of %1 already; click inside a hole of it, or Shift+click to remove this part.</source>
        <translation>このピクセルはすでに %1 の一部です。穴の中をクリックするか、Shift+クリックでこの部分を削除してください。</translation>
    </message>
    <message>
        <source>This pixel is not part of %1: Shift+click a part of it to remove that part.</source>
        <translation>このピクセルは %1 の一部ではありません。削除するには、その部分を Shift+クリックしてください。</translation>
    </message>
    <message>
        <source>This area is not a hole of %1 (it reaches the image border); draw a polygon (G) to add it.</source>
        <translation>この領域は %1 の穴ではありません（画像の端に達しています）。追加するには多角形 (G) を描いてください。</translation>
    </message>
    <message>
        <source>This image has no brush edits.</source>
        <translation>この画像にはブラシの編集がありません。</translation>
    </message>
    <message>
        <source>clear brush edits</source>
        <translation>ブラシの編集を消去</translation>
    </message>
    <message>
        <source>Use suggested threshold %1 for &quot;%2&quot;</source>
        <translation>「%2」に提案されたしきい値 %1 を使用</translation>
    </message>
</context>
<context>
    <name>EditLabelCommand</name>
    <message>
        <source>Rename label to &quot;%1&quot;</source>
        <translation>ラベル名を「%1」に変更</translation>
    </message>
    <message>
        <source>Change colour of &quot;%1&quot;</source>
        <translation>「%1」の色を変更</translation>
    </message>
    <message>
        <source>Change prompts of &quot;%1&quot;</source>
        <translation>「%1」のプロンプトを変更</translation>
    </message>
    <message>
        <source>Change visual prompts of &quot;%1&quot;</source>
        <translation>「%1」のビジュアルプロンプトを変更</translation>
    </message>
    <message>
        <source>Set threshold of &quot;%1&quot; to %2</source>
        <translation>「%1」のしきい値を %2 に設定</translation>
    </message>
    <message>
        <source>Show &quot;%1&quot;</source>
        <translation>「%1」を表示</translation>
    </message>
    <message>
        <source>Hide &quot;%1&quot;</source>
        <translation>「%1」を非表示</translation>
    </message>
    <message>
        <source>Edit &quot;%1&quot;</source>
        <translation>「%1」を編集</translation>
    </message>
</context>
<context>
    <name>PaintStrokeCommand</name>
    <message>
        <source>erase from %1</source>
        <translation>%1 から消去</translation>
    </message>
    <message>
        <source>paint %1</source>
        <translation>%1 を塗る</translation>
    </message>
</context>
<context>
    <name>SetOverlapModeCommand</name>
    <message>
        <source>Make labels exclusive</source>
        <translation>ラベルを排他にする</translation>
    </message>
    <message>
        <source>Let labels overlap</source>
        <translation>ラベルの重なりを許可する</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Label images by saying what you want: type a prompt or draw a box, get the mask.</source>
        <translation>探したいものを言葉で指定して画像にラベルを付けます。プロンプトを入力するか枠を描くと、マスクが得られます。</translation>
    </message>
    <message>
        <source>BUNDLE</source>
        <translation>バンドル</translation>
    </message>
    <message>
        <source>An image or a folder of images to open.</source>
        <translation>開く画像または画像フォルダー。</translation>
    </message>
    <message>
        <source>Model bundle folder (default: $PROMPTMASK_MODEL, else the model opened last, else the first bundle in ~/.local/share/promptmask/models, else the demo model).</source>
        <translation>モデルバンドルのフォルダー（既定: $PROMPTMASK_MODEL、次に最後に開いたモデル、次に ~/.local/share/promptmask/models 内の最初のバンドル、最後にデモモデル）。</translation>
    </message>
</context>
<context>
    <name>pm::ui::AutoLabelController</name>
    <message>
        <source>1 image</source>
        <translation>1 枚の画像</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>%1 枚の画像</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分</translation>
    </message>
    <message>
        <source>Auto-Label Dataset</source>
        <translation>データセットの自動ラベル付け</translation>
    </message>
    <message>
        <source>Open a folder of images first (Ctrl+Shift+O).</source>
        <translation>まず画像フォルダーを開いてください (Ctrl+Shift+O)。</translation>
    </message>
    <message>
        <source>No model is loaded: open one with File → Open Model…</source>
        <translation>モデルが読み込まれていません: ファイル → モデルを開く… で開いてください</translation>
    </message>
    <message>
        <source>No label has a prompt yet: add a label and type what it should find.</source>
        <translation>プロンプトのあるラベルがまだありません: ラベルを追加し、見つけるものを入力してください。</translation>
    </message>
    <message>
        <source>%1 already have auto annotations made with other labels, thresholds or another model. Replace them with new results?</source>
        <translation>%1 には、別のラベル・しきい値・モデルで作られた自動アノテーションが既にあります。新しい結果で置き換えますか?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>置き換える</translation>
    </message>
    <message>
        <source>Keep Them</source>
        <translation>残す</translation>
    </message>
    <message>
        <source>Nothing to label: %1</source>
        <translation>ラベル付けするものがありません: %1</translation>
    </message>
    <message>
        <source>Auto-labelling %1…</source>
        <translation>%1 を自動ラベル付け中…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Auto-labelled %1 of %2 images</source>
        <translation>%2 枚中 %1 枚を自動ラベル付けしました</translation>
    </message>
    <message>
        <source>%1 images/s, about %2 left</source>
        <translation>%1 枚/秒、残り約 %2</translation>
    </message>
    <message>
        <source>%1 labelled (%2 shapes) in %3.</source>
        <translation>%1 をラベル付けしました (%2 個の図形、%3)。</translation>
    </message>
    <message>
        <source>Left alone, marked done or saved by you: %1.</source>
        <translation>変更なし (完了済み、または自分で保存): %1。</translation>
    </message>
    <message>
        <source>Left alone, with your changes: %1.</source>
        <translation>変更なし (自分の編集あり): %1。</translation>
    </message>
    <message>
        <source>Already auto-labelled with these labels: %1.</source>
        <translation>これらのラベルで自動ラベル付け済み: %1。</translation>
    </message>
    <message>
        <source>Failed: %1 (see details).</source>
        <translation>失敗: %1 (詳細を参照)。</translation>
    </message>
    <message>
        <source>The run was cancelled; the files written so far are kept.</source>
        <translation>実行はキャンセルされました。ここまでに書き込まれたファイルは残ります。</translation>
    </message>
    <message>
        <source>The run stopped: %1.</source>
        <translation>実行が停止しました: %1。</translation>
    </message>
</context>
<context>
    <name>pm::ui::AutoLabelDialog</name>
    <message>
        <source>&amp;All images (%1)</source>
        <translation>すべての画像 (%1)(&amp;A)</translation>
    </message>
    <message>
        <source>The &amp;selected images (%1)</source>
        <translation>選択した画像 (%1)(&amp;S)</translation>
    </message>
    <message>
        <source>Images &amp;without a saved annotation (%1)</source>
        <translation>保存済みアノテーションのない画像 (%1)(&amp;W)</translation>
    </message>
    <message>
        <source>Auto-Label Dataset</source>
        <translation>データセットの自動ラベル付け</translation>
    </message>
    <message>
        <source>Label the images with the labels of the Labels dock (%1 now), their prompts and thresholds, and save the masks beside each image as auto annotations.</source>
        <translation>ラベルパネルのラベル (現在 %1 個) とそのプロンプト・しきい値で画像にラベルを付け、マスクを自動アノテーションとして各画像の横に保存します。</translation>
    </message>
    <message>
        <source>Images marked done, images with your changes and annotations saved by you are never replaced. The app stays usable while the run goes on.</source>
        <translation>完了済みの画像、自分で編集した画像、自分で保存したアノテーションは置き換えられません。実行中もアプリは使えます。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
</context>
<context>
    <name>pm::ui::AutoLabelRun</name>
    <message>
        <source>another model was loaded</source>
        <translation>別のモデルが読み込まれました</translation>
    </message>
    <message>
        <source>no label has a prompt</source>
        <translation>プロンプトのあるラベルがありません</translation>
    </message>
</context>
<context>
    <name>pm::ui::DatasetDocument</name>
    <message>
        <source>Folder not found: %1</source>
        <translation>フォルダーが見つかりません: %1</translation>
    </message>
    <message>
        <source>Image not found: %1</source>
        <translation>画像が見つかりません: %1</translation>
    </message>
    <message>
        <source>No images in %1</source>
        <translation>%1 に画像がありません</translation>
    </message>
    <message>
        <source>The saved labels could not be read (a backup was kept as labels.json.bak): %1</source>
        <translation>保存されたラベルを読み込めませんでした（labels.json.bak としてバックアップを残しました）: %1</translation>
    </message>
    <message>
        <source>Labels could not be saved: %1 The labels are kept in this window; free some space or fix the folder, then retry.</source>
        <translation>ラベルを保存できませんでした: %1 ラベルはこのウィンドウに残っています。空き容量を確保するかフォルダーを修正してから、再試行してください。</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>This image cannot be read.</source>
        <translation>この画像は読み込めません。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>%1 cannot be segmented: the model reads it as %2×%3 pixels, the viewer as %4×%5 (an EXIF orientation or image format the two readers disagree on). Save it again as PNG to label it.</source>
        <translation>%1 はセグメント化できません: モデルは %2×%3 ピクセル、ビューアーは %4×%5 ピクセルとして読み込みます (EXIF の向き、または二つの読み込み処理で解釈が異なる画像形式)。ラベル付けするには PNG として保存し直してください。</translation>
    </message>
    <message>
        <source>Segmentation failed: %1</source>
        <translation>セグメンテーションに失敗しました: %1</translation>
    </message>
    <message>
        <source>Changed the brush edits of %1 (not the image shown).</source>
        <translation>%1 のブラシ編集を変更しました（表示中の画像ではありません）。</translation>
    </message>
    <message>
        <source>1 instance</source>
        <translation>インスタンス 1 個</translation>
    </message>
    <message>
        <source>%1 instances</source>
        <translation>インスタンス %1 個</translation>
    </message>
    <message>
        <source>Showing the saved annotation %1 (%2); press R to re-segment.</source>
        <translation>保存済みアノテーション %1（%2）を表示中。R で再セグメンテーションします。</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>スキップ: %1</translation>
    </message>
    <message>
        <source>Labels not in the label list are shown in grey: %1.</source>
        <translation>ラベル一覧にないラベルは灰色で表示されます: %1。</translation>
    </message>
    <message>
        <source>%1 The image is segmented as if it had no annotation; saving it keeps the old file as &lt;b&gt;%2.bak&lt;/b&gt;.</source>
        <translation>%1 画像はアノテーションがないものとしてセグメンテーションされます。保存すると古いファイルは &lt;b&gt;%2.bak&lt;/b&gt; として残ります。</translation>
    </message>
    <message>
        <source>Nothing to save: no image is open.</source>
        <translation>保存するものがありません: 画像が開かれていません。</translation>
    </message>
    <message>
        <source>%1 is saved already (its saved annotation is shown).</source>
        <translation>%1 は保存済みです（保存済みアノテーションを表示しています）。</translation>
    </message>
    <message>
        <source>%1 was not saved automatically: %2 not segmented yet.</source>
        <translation>%1 は自動保存されませんでした: %2 はまだセグメンテーションされていません。</translation>
    </message>
    <message>
        <source>%1 is not saved: %2 not segmented yet. Wait for the model, or hide the label.</source>
        <translation>%1 は保存されていません: %2 はまだセグメンテーションされていません。モデルを待つか、ラベルを非表示にしてください。</translation>
    </message>
    <message>
        <source>Saved automatically: %1 (%2).</source>
        <translation>自動保存しました: %1（%2）。</translation>
    </message>
    <message>
        <source>Saved %1 (%2).</source>
        <translation>%1 を保存しました（%2）。</translation>
    </message>
    <message>
        <source>The old file could not be read and was kept as %1.</source>
        <translation>古いファイルを読み込めなかったため、%1 として残しました。</translation>
    </message>
    <message>
        <source>%1 could not be saved: %2 Your edits are kept in this window; free some space or fix the folder, then retry.</source>
        <translation>%1 を保存できませんでした: %2 編集内容はこのウィンドウに残っています。空き容量を確保するかフォルダーを修正してから、再試行してください。</translation>
    </message>
    <message>
        <source>Re-segmenting: the saved file is kept until you save (Ctrl+S) or change something.</source>
        <translation>再セグメンテーション中: 保存 (Ctrl+S) するか何かを変更するまで、保存済みファイルはそのまま残ります。</translation>
    </message>
    <message>
        <source>No model loaded: open one with File → Open Model…</source>
        <translation>モデルが読み込まれていません: ファイル → モデルを開く… で開いてください</translation>
    </message>
    <message numerus="yes">
        <source>Unsaved brush edits from a session that did not end normally were found for %n image(s): %1.</source>
        <translation>
            <numerusform>正常に終了しなかったセッションの未保存のブラシ編集が %n 枚の画像で見つかりました: %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>復元(&amp;R)</translation>
    </message>
    <message numerus="yes">
        <source>Restored the unsaved brush edits of %n image(s).</source>
        <translation>
            <numerusform>%n 枚の画像の未保存のブラシ編集を復元しました。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pm::ui::DatasetExporter</name>
    <message>
        <source>Nothing to export: no image of the folder has a saved annotation (save one with Ctrl+S).</source>
        <translation>エクスポートするものがありません: フォルダー内に保存済みアノテーションのある画像がありません（Ctrl+S で保存します）。</translation>
    </message>
    <message>
        <source>Nothing to export: no saved annotation could be read.</source>
        <translation>エクスポートするものがありません: 保存済みのアノテーションを読み込めませんでした。</translation>
    </message>
</context>
<context>
    <name>pm::ui::ErrorText</name>
    <message>
        <source>The model folder %1 does not exist.</source>
        <translation>モデルフォルダー %1 は存在しません。</translation>
    </message>
    <message>
        <source>%1 is not a model bundle: a bundle is a folder with manifest.json and model.pt.</source>
        <translation>%1 はモデルバンドルではありません。バンドルとは manifest.json と model.pt を含むフォルダーです。</translation>
    </message>
    <message>
        <source>%1 is missing from the model bundle.</source>
        <translation>モデルバンドルに %1 がありません。</translation>
    </message>
    <message>
        <source>%1 is damaged or was changed: its size or checksum differs from manifest.json.</source>
        <translation>%1 は破損しているか変更されています。サイズまたはチェックサムが manifest.json と一致しません。</translation>
    </message>
    <message>
        <source>This model bundle cannot be used: %1</source>
        <translation>このモデルバンドルは使用できません: %1</translation>
    </message>
</context>
<context>
    <name>pm::ui::ExportDialog</name>
    <message>
        <source>&amp;COCO instance segmentation (one JSON file)</source>
        <translation>&amp;COCO インスタンスセグメンテーション（JSON ファイル 1 つ）</translation>
    </message>
    <message>
        <source>&amp;PNG masks (folder: label-index PNG per image, binary mask per label)</source>
        <translation>&amp;PNG マスク（フォルダー: 画像ごとにラベル番号の PNG、ラベルごとに 2 値マスク）</translation>
    </message>
    <message>
        <source>&amp;labelme (folder: one JSON file per image)</source>
        <translation>&amp;labelme（フォルダー: 画像ごとに JSON ファイル 1 つ）</translation>
    </message>
    <message>
        <source>Embed the &amp;images in the JSON files (imageData)</source>
        <translation>画像を JSON ファイルに埋め込む（imageData）(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Simplify outlines: far fewer vertices on big shapes, about 1 % IoU</source>
        <translation>輪郭を簡略化(&amp;S): 大きな形の頂点が大幅に減り、IoU の差は約 1 %</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>エクスポート(&amp;E)</translation>
    </message>
    <message>
        <source>Export Dataset</source>
        <translation>データセットをエクスポート</translation>
    </message>
    <message>
        <source>All %1 images of &lt;b&gt;%2&lt;/b&gt; have a saved annotation.</source>
        <translation>&lt;b&gt;%2&lt;/b&gt; の %1 枚の画像すべてに保存済みアノテーションがあります。</translation>
    </message>
    <message>
        <source>%1 of %2 images of &lt;b&gt;%3&lt;/b&gt; have a saved annotation; only those are exported. Save an image with &lt;i&gt;Ctrl+S&lt;/i&gt; or &lt;i&gt;Ctrl+Enter&lt;/i&gt;.</source>
        <translation>&lt;b&gt;%3&lt;/b&gt; の %2 枚中 %1 枚に保存済みアノテーションがあり、それらだけがエクスポートされます。画像は &lt;i&gt;Ctrl+S&lt;/i&gt; または &lt;i&gt;Ctrl+Enter&lt;/i&gt; で保存します。</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
    <message>
        <source>Save &amp;to:</source>
        <translation>保存先(&amp;T):</translation>
    </message>
    <message>
        <source>Polygons, RLE for masks with holes</source>
        <translation>ポリゴン（穴のあるマスクは RLE）</translation>
    </message>
    <message>
        <source>Polygons</source>
        <translation>ポリゴン</translation>
    </message>
    <message>
        <source>RLE (exact masks)</source>
        <translation>RLE（正確なマスク）</translation>
    </message>
    <message>
        <source>&amp;Masks as:</source>
        <translation>マスクの形式(&amp;M):</translation>
    </message>
    <message>
        <source>Polygons follow the pixel staircase of a mask by default (a round shape of 200 px gets ~290 vertices). Simplified, each outline may deviate by 1 % of its width: a circle keeps ~30 vertices, a rectangle its 4 corners.</source>
        <translation>既定ではポリゴンはマスクのピクセルの段差に沿います（200 px の円形で約 290 頂点）。簡略化すると各輪郭は幅の 1 % までずれることがあり、円は約 30 頂点、長方形は 4 隅だけになります。</translation>
    </message>
    <message>
        <source>Export COCO File</source>
        <translation>COCO ファイルをエクスポート</translation>
    </message>
    <message>
        <source>Export to Folder</source>
        <translation>フォルダーにエクスポート</translation>
    </message>
    <message>
        <source>Choose where to save the export.</source>
        <translation>エクスポートの保存先を選んでください。</translation>
    </message>
    <message>
        <source>Choose a folder outside the dataset folder.</source>
        <translation>データセットのフォルダーの外にあるフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>COCO is one file: choose a file name, not a folder.</source>
        <translation>COCO は 1 つのファイルです。フォルダーではなくファイル名を選んでください。</translation>
    </message>
</context>
<context>
    <name>pm::ui::ImageDock</name>
    <message>
        <source>Images</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>Include subfolders</source>
        <translation>サブフォルダーを含める</translation>
    </message>
    <message>
        <source>Filter by name…</source>
        <translation>名前で絞り込み…</translation>
    </message>
    <message>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>編集済み</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n 枚の画像</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>pm::ui::ImageListModel</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>pm::ui::LabTile</name>
    <message>
        <source>New label</source>
        <translation>新しいラベル</translation>
    </message>
    <message>
        <source>Make this candidate a new label (Ctrl+Z takes it back)</source>
        <translation>この候補を新しいラベルにする（Ctrl+Z で元に戻す）</translation>
    </message>
    <message>
        <source>Add to…</source>
        <translation>追加先…</translation>
    </message>
    <message>
        <source>Add this candidate to an existing label</source>
        <translation>この候補を既存のラベルに追加</translation>
    </message>
    <message>
        <source>Remove this candidate</source>
        <translation>この候補を削除</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>decoding…</source>
        <translation>デコード中…</translation>
    </message>
    <message>
        <source>%1 % · %2 ms</source>
        <translation>%1 % · %2 ms</translation>
    </message>
    <message>
        <source>Mask area at the lab threshold · time of the prompt encoding and decode</source>
        <translation>ラボのしきい値でのマスク面積 · プロンプトのエンコードとデコードの時間</translation>
    </message>
</context>
<context>
    <name>pm::ui::LabelDefinition</name>
    <message>
        <source>label %1</source>
        <translation>ラベル %1</translation>
    </message>
</context>
<context>
    <name>pm::ui::LabelListModel</name>
    <message>
        <source>  (hidden)</source>
        <translation>  （非表示）</translation>
    </message>
    <message>
        <source>Prompts: %1</source>
        <translation>プロンプト: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n visual exemplar(s)</source>
        <translation>
            <numerusform>視覚的な見本 %n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pm::ui::LabelsDock</name>
    <message>
        <source>Labels</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <source>Add a label</source>
        <translation>ラベルを追加</translation>
    </message>
    <message>
        <source>Remove the selected label</source>
        <translation>選択したラベルを削除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <source>Selected label</source>
        <translation>選択中のラベル</translation>
    </message>
    <message>
        <source>Visible</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>Remove the selected visual prompt</source>
        <translation>選択したビジュアルプロンプトを削除</translation>
    </message>
    <message>
        <source>What to find, e.g. &quot;a glass&quot; (; separates prompts)</source>
        <translation>探すもの。例:「グラス」（; でプロンプトを区切ります）</translation>
    </message>
    <message>
        <source>Label colour</source>
        <translation>ラベルの色</translation>
    </message>
    <message>
        <source>Visual prompts: draw a box on any image with the box tool (B)</source>
        <translation>ビジュアルプロンプト: 枠ツール (B) で任意の画像に枠を描きます</translation>
    </message>
    <message>
        <source>Crop, blur, highlight (paper default)</source>
        <translation>切り抜き・ぼかし・強調（論文の既定）</translation>
    </message>
    <message>
        <source>Crop only</source>
        <translation>切り抜きのみ</translation>
    </message>
    <message>
        <source>Whole image</source>
        <translation>画像全体</translation>
    </message>
    <message>
        <source>How a drawn box becomes a visual prompt</source>
        <translation>描いた枠をビジュアルプロンプトにする方法</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>プロンプト</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>しきい値</translation>
    </message>
    <message>
        <source>Visual</source>
        <translation>ビジュアル</translation>
    </message>
    <message>
        <source>Box mode</source>
        <translation>枠モード</translation>
    </message>
    <message>
        <source>No labels yet.

Press T and type what to find, e.g. &quot;red circle&quot; — or click + to add a label.</source>
        <translation>ラベルはまだありません。

T を押して探すものを入力するか（例:「赤い円」）、+ をクリックしてラベルを追加してください。</translation>
    </message>
</context>
<context>
    <name>pm::ui::LanguageMenu</name>
    <message>
        <source>The language changes when PromptMask starts next time.</source>
        <translation>言語は次回 PromptMask を起動したときに切り替わります。</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>System Language</source>
        <translation>システムの言語</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
</context>
<context>
    <name>pm::ui::MainWindow</name>
    <message>
        <source>Open an image (Ctrl+O) or a folder (Ctrl+Shift+O).
Then press T and type what to find, e.g. &quot;a glass&quot;, or draw a box around one example with the box tool (B).</source>
        <translation>画像 (Ctrl+O) またはフォルダー (Ctrl+Shift+O) を開きます。
次に T を押して探すもの（例:「グラス」）を入力するか、枠ツール (B) で見本を 1 つ囲みます。</translation>
    </message>
    <message>
        <source>Loading model…</source>
        <translation>モデルを読み込み中…</translation>
    </message>
    <message>
        <source>Loading model %1…</source>
        <translation>モデル %1 を読み込み中…</translation>
    </message>
    <message>
        <source>Model loaded: %1</source>
        <translation>モデルを読み込みました: %1</translation>
    </message>
    <message>
        <source>Segmenting…</source>
        <translation>セグメンテーション中…</translation>
    </message>
    <message>
        <source>Loading model &lt;b&gt;%1&lt;/b&gt;…</source>
        <translation>モデル &lt;b&gt;%1&lt;/b&gt; を読み込み中…</translation>
    </message>
    <message>
        <source>&lt;b&gt;The model could not be loaded.&lt;/b&gt; %1&lt;br&gt;</source>
        <translation>&lt;b&gt;モデルを読み込めませんでした。&lt;/b&gt;%1&lt;br&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;No model loaded&lt;/b&gt; — here is how to get one: open a model bundle (a folder with &lt;code&gt;manifest.json&lt;/code&gt; and &lt;code&gt;model.pt&lt;/code&gt;) with &lt;i&gt;File → Open Model…&lt;/i&gt;. Export CLIPSeg from Hugging Face with &lt;code&gt;packaging/models/export_clipseg.py&lt;/code&gt;, or use the demo model &lt;code&gt;resources/models/demo-shapes&lt;/code&gt;. &lt;a href=&quot;guide&quot;&gt;Read the user guide&lt;/a&gt;.</source>
        <translation>&lt;b&gt;モデルが読み込まれていません&lt;/b&gt; — 入手方法: &lt;i&gt;ファイル → モデルを開く…&lt;/i&gt; でモデルバンドル（&lt;code&gt;manifest.json&lt;/code&gt; と &lt;code&gt;model.pt&lt;/code&gt; を含むフォルダー）を開きます。Hugging Face の CLIPSeg は &lt;code&gt;packaging/models/export_clipseg.py&lt;/code&gt; でエクスポートできます。デモモデル &lt;code&gt;resources/models/demo-shapes&lt;/code&gt; も使えます。&lt;a href=&quot;guide&quot;&gt;ユーザーガイドを読む&lt;/a&gt;。</translation>
    </message>
    <message>
        <source>Open Model…</source>
        <translation>モデルを開く…</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>モデルなし</translation>
    </message>
    <message>
        <source>No model loaded.
Open a model bundle with File → Open Model… (Ctrl+M); you can still browse images and set up labels.</source>
        <translation>モデルが読み込まれていません。
ファイル → モデルを開く… (Ctrl+M) でモデルバンドルを開いてください。それまでも画像の閲覧やラベルの準備はできます。</translation>
    </message>
    <message>
        <source>no model</source>
        <translation>モデルなし</translation>
    </message>
    <message>
        <source>Unsaved Brush Edits</source>
        <translation>保存されていないブラシの編集</translation>
    </message>
    <message numerus="yes">
        <source>Brush or eraser edits on %n image(s) are not saved: %1.

Quit and discard them?</source>
        <translation>
            <numerusform>%n 枚の画像のブラシまたは消しゴムによる編集が保存されていません: %1。

終了して破棄しますか？</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Image…</source>
        <translation>画像を開く(&amp;I)…</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>フォルダーを開く(&amp;F)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近使ったもの(&amp;R)</translation>
    </message>
    <message>
        <source>Open &amp;Model…</source>
        <translation>モデルを開く(&amp;M)…</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>Use &amp;Demo Model</source>
        <translation>デモモデルを使う(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Save Annotation</source>
        <translation>アノテーションを保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Export Dataset…</source>
        <translation>データセットをエクスポート(&amp;E)…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>&amp;Type a Prompt</source>
        <translation>プロンプトを入力(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Add Label</source>
        <translation>ラベルを追加(&amp;A)</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Remo&amp;ve Label</source>
        <translation>ラベルを削除(&amp;V)</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>ツール</translation>
    </message>
    <message>
        <source>&amp;Box Tool (Visual Prompt)</source>
        <translation>枠ツール（ビジュアルプロンプト）(&amp;B)</translation>
    </message>
    <message>
        <source>Draw a box around one example: its crop becomes a visual prompt</source>
        <translation>見本を 1 つ枠で囲みます。切り抜いた部分がビジュアルプロンプトになります</translation>
    </message>
    <message>
        <source>&amp;Paint Brush</source>
        <translation>ブラシ(&amp;P)</translation>
    </message>
    <message>
        <source>Paint pixels into the selected label&apos;s mask</source>
        <translation>選択中のラベルのマスクにピクセルを塗ります</translation>
    </message>
    <message>
        <source>&amp;Eraser</source>
        <translation>消しゴム(&amp;E)</translation>
    </message>
    <message>
        <source>Erase pixels from the selected label&apos;s mask</source>
        <translation>選択中のラベルのマスクからピクセルを消します</translation>
    </message>
    <message>
        <source>Pol&amp;ygon Fill</source>
        <translation>多角形で塗りつぶし(&amp;Y)</translation>
    </message>
    <message>
        <source>Click corners around a region to add it to the selected label&apos;s mask (Shift when closing: cut it out)</source>
        <translation>領域の周りの角をクリックして、選択中のラベルのマスクに追加します（閉じるときに Shift: 切り抜く）</translation>
    </message>
    <message>
        <source>&amp;Fill Holes</source>
        <translation>穴を埋める(&amp;F)</translation>
    </message>
    <message>
        <source>Click inside a hole of the selected label to fill it; Shift+click a part to remove it</source>
        <translation>選択中のラベルの穴の中をクリックすると埋まります。Shift+クリックでその部分を削除します</translation>
    </message>
    <message>
        <source>&amp;Larger Brush</source>
        <translation>ブラシを大きく(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Smaller Brush</source>
        <translation>ブラシを小さく(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>ウィンドウに合わせる(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Actual Size (1:1)</source>
        <translation>実寸 (1:1)(&amp;A)</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>Probability &amp;Heat Map</source>
        <translation>確率ヒートマップ(&amp;H)</translation>
    </message>
    <message>
        <source>Over&amp;lapping Labels</source>
        <translation>重なったラベル(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Exclusive (highest probability wins)</source>
        <translation>排他（確率が最も高いものを採用）(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Overlapping (independent masks)</source>
        <translation>重なりを許可（独立したマスク）(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Image</source>
        <translation>画像(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Next Image</source>
        <translation>次の画像(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Image</source>
        <translation>前の画像(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Re-segment</source>
        <translation>再セグメンテーション(&amp;R)</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Run the model on this image, also when it shows a saved annotation</source>
        <translation>保存済みアノテーションを表示している場合も、この画像でモデルを実行します</translation>
    </message>
    <message>
        <source>&amp;Clear Brush Edits</source>
        <translation>ブラシの編集を消去(&amp;C)</translation>
    </message>
    <message>
        <source>Shift+E</source>
        <translation>Shift+E</translation>
    </message>
    <message>
        <source>Remove every brush and eraser stroke of this image (undoable)</source>
        <translation>この画像のブラシと消しゴムのストロークをすべて削除します（元に戻せます）</translation>
    </message>
    <message>
        <source>Save, Mark &amp;Done and Go On</source>
        <translation>保存して完了にし、次へ(&amp;D)</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>&amp;Auto-Segment on Open</source>
        <translation>開いたときに自動セグメンテーション(&amp;A)</translation>
    </message>
    <message>
        <source>Leaving an image whose masks you changed (status edited) saves them</source>
        <translation>マスクを変更した画像（状態: 編集済み）を離れると保存されます</translation>
    </message>
    <message>
        <source>One &amp;Instance per Label</source>
        <translation>ラベルごとに 1 インスタンス(&amp;I)</translation>
    </message>
    <message>
        <source>Save each label&apos;s mask as one instance instead of one per connected part</source>
        <translation>各ラベルのマスクを、連結部分ごとではなく 1 つのインスタンスとして保存します</translation>
    </message>
    <message>
        <source>&amp;Minimum Area…</source>
        <translation>最小面積(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>ユーザーガイド(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>Ctrl+/</source>
        <translation>Ctrl+/</translation>
    </message>
    <message>
        <source>&amp;About PromptMask</source>
        <translation>PromptMask について(&amp;A)</translation>
    </message>
    <message>
        <source>About PromptMask</source>
        <translation>PromptMask について</translation>
    </message>
    <message>
        <source>&lt;h3&gt;PromptMask %1&lt;/h3&gt;&lt;p&gt;Label images by saying what you want: type a prompt or draw a box around one example, and CLIPSeg paints the mask.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;PromptMask %1&lt;/h3&gt;&lt;p&gt;探したいものを言葉で指定して画像にラベルを付けます。プロンプトを入力するか見本を枠で囲むと、CLIPSeg がマスクを描きます。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open Model Bundle</source>
        <translation>モデルバンドルを開く</translation>
    </message>
    <message>
        <source>Open Image</source>
        <translation>画像を開く</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>画像 (%1)</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>フォルダーを開く</translation>
    </message>
    <message>
        <source>User Guide</source>
        <translation>ユーザーガイド</translation>
    </message>
    <message>
        <source>The user guide is docs/USER_GUIDE.md in the sources.</source>
        <translation>ユーザーガイドはソースコードの docs/USER_GUIDE.md にあります。</translation>
    </message>
    <message>
        <source>1 image</source>
        <translation>画像 1 枚</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>画像 %1 枚</translation>
    </message>
    <message>
        <source>1 annotation</source>
        <translation>アノテーション 1 件</translation>
    </message>
    <message>
        <source>%1 annotations</source>
        <translation>アノテーション %1 件</translation>
    </message>
    <message>
        <source>Minimum Area</source>
        <translation>最小面積</translation>
    </message>
    <message>
        <source>Parts of a mask (and holes) smaller than this many pixels are left out of saved annotations:</source>
        <translation>このピクセル数より小さいマスクの部分（と穴）は、保存するアノテーションから除かれます:</translation>
    </message>
    <message>
        <source>Open a folder first (Ctrl+Shift+O).</source>
        <translation>先にフォルダーを開いてください (Ctrl+Shift+O)。</translation>
    </message>
    <message>
        <source>An export is running already.</source>
        <translation>エクスポートはすでに実行中です。</translation>
    </message>
    <message>
        <source>Exporting %1 as %2…</source>
        <translation>%1 を %2 としてエクスポート中…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Export Dataset</source>
        <translation>データセットをエクスポート</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>エクスポート中…</translation>
    </message>
    <message>
        <source>The export was cancelled. Files written so far are complete (a COCO file is only written at the end).</source>
        <translation>エクスポートをキャンセルしました。ここまでに書き込んだファイルは完全です（COCO ファイルは最後にだけ書き込まれます）。</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>エクスポートに失敗しました: %1</translation>
    </message>
    <message>
        <source>Exported %1 with %2 to %3.</source>
        <translation>%1（%2）を %3 にエクスポートしました。</translation>
    </message>
    <message>
        <source>Left out (no saved annotation): %1.</source>
        <translation>除外（保存済みアノテーションなし）: %1。</translation>
    </message>
    <message>
        <source>Errors: %1 (see details); everything else was exported.</source>
        <translation>エラー: %1（詳細を参照）。それ以外はすべてエクスポートしました。</translation>
    </message>
    <message>
        <source>Warnings: %1.</source>
        <translation>警告: %1。</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>エラー: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告: %1</translation>
    </message>
    <message>
        <source>a new label</source>
        <translation>新しいラベル</translation>
    </message>
    <message>
        <source>Brush: drag to paint into %1 ([ ] size, E eraser, P again to stop).</source>
        <translation>ブラシ: ドラッグして %1 に塗ります（[ ] サイズ、E 消しゴム、もう一度 P で終了）。</translation>
    </message>
    <message>
        <source>Eraser: drag to erase from %1 ([ ] size, P brush, E again to stop).</source>
        <translation>消しゴム: ドラッグして %1 から消します（[ ] サイズ、P ブラシ、もう一度 E で終了）。</translation>
    </message>
    <message>
        <source>Polygon: click corners (or drag) around what belongs to %1; double-click or Enter fills it, Shift cuts it out, Backspace undoes a corner, Esc drops it.</source>
        <translation>多角形: %1 に属する部分の周りの角をクリック（またはドラッグ）します。ダブルクリックか Enter で塗りつぶし、Shift で切り抜き、Backspace で角を 1 つ戻し、Esc で破棄します。</translation>
    </message>
    <message>
        <source>Fill: click inside a hole of %1 to fill it; Shift+click a part of it to remove that part.</source>
        <translation>塗りつぶし: %1 の穴の中をクリックすると埋まります。Shift+クリックでその部分を削除します。</translation>
    </message>
    <message>
        <source>Brush: %1 px wide</source>
        <translation>ブラシ: 幅 %1 px</translation>
    </message>
    <message>
        <source>Show O&amp;verlay</source>
        <translation>オーバーレイを表示(&amp;V)</translation>
    </message>
    <message>
        <source>Save A&amp;utomatically When Leaving an Image</source>
        <translation>画像を離れるときに自動保存(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>設定(&amp;S)</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 を読み込み中…</translation>
    </message>
    <message>
        <source>Su&amp;ggest Threshold…</source>
        <translation>しきい値を提案(&amp;G)…</translation>
    </message>
    <message>
        <source>Auto-&amp;Label Dataset…</source>
        <translation>データセットを自動ラベル付け(&amp;L)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>Label all images, the selected ones or the unannotated ones with the current labels, in the background</source>
        <translation>すべての画像、選択した画像、または未アノテーションの画像を現在のラベルでバックグラウンドでラベル付けします</translation>
    </message>
</context>
<context>
    <name>pm::ui::NoticeBar</name>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>pm::ui::PromptLabDock</name>
    <message>
        <source>Prompt Lab</source>
        <translation>プロンプトラボ</translation>
    </message>
    <message>
        <source>&amp;Prompt Lab</source>
        <translation>プロンプトラボ(&amp;P)</translation>
    </message>
    <message>
        <source>This image</source>
        <translation>この画像</translation>
    </message>
    <message>
        <source>Across images</source>
        <translation>複数の画像</translation>
    </message>
    <message>
        <source>Type a candidate prompt, then Enter (e.g. &quot;a red ellipse&quot;)</source>
        <translation>候補のプロンプトを入力して Enter（例:「a red ellipse」）</translation>
    </message>
    <message>
        <source>Threshold for the mask areas of all candidates</source>
        <translation>すべての候補のマスク面積に使うしきい値</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>しきい値</translation>
    </message>
    <message>
        <source>Run on the next images</source>
        <translation>次の画像で実行</translation>
    </message>
    <message>
        <source>Runs every candidate over the next images of the folder, in the background.</source>
        <translation>フォルダー内の次の画像で、すべての候補をバックグラウンドで実行します。</translation>
    </message>
    <message>
        <source>Images after this one:</source>
        <translation>この後の画像数:</translation>
    </message>
    <message>
        <source>No candidates yet: type one above and press Enter.</source>
        <translation>候補はまだありません。上に入力して Enter を押してください。</translation>
    </message>
    <message numerus="yes">
        <source>%n candidate(s) on %1, decoding %2…</source>
        <translation>
            <numerusform>%1 の候補 %n 件、%2 件をデコード中…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n candidate(s) on %1, %2 shown</source>
        <translation>
            <numerusform>%1 の候補 %n 件、%2 件を表示</numerusform>
        </translation>
    </message>
    <message>
        <source>No labels yet</source>
        <translation>ラベルはまだありません</translation>
    </message>
    <message>
        <source>As a prompt (either one finds it)</source>
        <translation>プロンプトとして（どちらかが見つければよい）</translation>
    </message>
    <message>
        <source>Add candidates first.</source>
        <translation>先に候補を追加してください。</translation>
    </message>
    <message>
        <source>There are no images after this one.</source>
        <translation>この後に画像はありません。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Running: %1 of %2 images</source>
        <translation>実行中: %2 枚中 %1 枚</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 images</source>
        <translation>%2 枚中 %1 枚で取り消しました</translation>
    </message>
    <message>
        <source>Done: %1 images</source>
        <translation>完了: %1 枚</translation>
    </message>
    <message>
        <source>Into its ensemble (averaged)</source>
        <translation>アンサンブルに追加（平均）</translation>
    </message>
    <message>
        <source>As a negative (not this)</source>
        <translation>ネガティブとして（これではない）</translation>
    </message>
</context>
<context>
    <name>pm::ui::SegmentationWorker</name>
    <message>
        <source>Unexpected error: %1</source>
        <translation>予期しないエラー: %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: no model could be opened</source>
        <translation>「%1」: モデルを開けませんでした</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>モデルが読み込まれていません</translation>
    </message>
    <message>
        <source>nothing to segment</source>
        <translation>セグメンテーションするものがありません</translation>
    </message>
    <message>
        <source>the visual prompt drawn on %1 was left out: %2</source>
        <translation>%1 に描いたビジュアルプロンプトは除外されました: %2</translation>
    </message>
</context>
<context>
    <name>pm::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Select label 1 to 9</source>
        <translation>ラベル 1〜9 を選択</translation>
    </message>
    <message>
        <source>Mouse wheel</source>
        <translation>マウスホイール</translation>
    </message>
    <message>
        <source>Zoom around the cursor</source>
        <translation>カーソルを中心にズーム</translation>
    </message>
    <message>
        <source>Space + drag, middle drag</source>
        <translation>Space + ドラッグ、中ボタンでドラッグ</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>パン</translation>
    </message>
    <message>
        <source>Enter, double-click</source>
        <translation>Enter、ダブルクリック</translation>
    </message>
    <message>
        <source>Polygon: fill it (with Shift: cut it out)</source>
        <translation>多角形: 塗りつぶす（Shift で切り抜く）</translation>
    </message>
    <message>
        <source>Backspace</source>
        <translation>Backspace</translation>
    </message>
    <message>
        <source>Polygon: take the last corner back</source>
        <translation>多角形: 最後の角を取り消す</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Drop the box, stroke or polygon being drawn</source>
        <translation>描いている途中の枠・ストローク・多角形を破棄</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
</context>
<context>
    <name>pm::ui::StatusBarWidget</name>
    <message>
        <source>Last request: image encoding / prompt encoding / decoding</source>
        <translation>直近のリクエスト: 画像のエンコード / プロンプトのエンコード / デコード</translation>
    </message>
    <message>
        <source>Cached image encodings and prompt embeddings</source>
        <translation>キャッシュ済みの画像エンコードとプロンプト埋め込み</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>モデル: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n thread(s)</source>
        <translation>
            <numerusform>%n スレッド</numerusform>
        </translation>
    </message>
    <message>
        <source>cached</source>
        <translation>キャッシュ済み</translation>
    </message>
    <message>
        <source>encode %1 · prompts %2 ms · decode %3 ms</source>
        <translation>エンコード %1 · プロンプト %2 ms · デコード %3 ms</translation>
    </message>
    <message numerus="yes">
        <source>cache: %n image(s)</source>
        <translation>
            <numerusform>キャッシュ: 画像 %n 枚</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n prompt(s)</source>
        <translation>
            <numerusform>、プロンプト %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>, %1% hits</source>
        <translation>、ヒット率 %1%</translation>
    </message>
</context>
<context>
    <name>pm::ui::ThresholdDialog</name>
    <message>
        <source>Threshold for &quot;%1&quot;</source>
        <translation>「%1」のしきい値</translation>
    </message>
    <message>
        <source>Current threshold:</source>
        <translation>現在のしきい値:</translation>
    </message>
    <message>
        <source>Otsu&apos;s guess on this image:</source>
        <translation>この画像での大津法の推定:</translation>
    </message>
    <message>
        <source>segment this image first</source>
        <translation>先にこの画像をセグメントしてください</translation>
    </message>
    <message>
        <source>Use Otsu&apos;s Guess</source>
        <translation>大津法の推定を使用</translation>
    </message>
    <message>
        <source>Learned from your saved images:</source>
        <translation>保存した画像から学習:</translation>
    </message>
    <message numerus="yes">
        <source>%1 (mean IoU %2 over %n saved image(s))</source>
        <translation>
            <numerusform>%1（保存済み画像 %n 枚での平均 IoU %2）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>save %n more image(s) containing this label</source>
        <translation>
            <numerusform>このラベルを含む画像をあと %n 枚保存してください</numerusform>
        </translation>
    </message>
    <message>
        <source>Use Learned Threshold</source>
        <translation>学習したしきい値を使用</translation>
    </message>
    <message>
        <source>Mean IoU with your saved masks at each threshold (dashed: current, dotted: Otsu)</source>
        <translation>各しきい値での保存済みマスクとの平均 IoU（破線: 現在、点線: 大津法）</translation>
    </message>
</context>
</TS>
