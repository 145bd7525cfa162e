<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnnotationFile</name>
    <message>
        <source>%1 is not a readable labelme file: %2</source>
        <translation>%1 不是可读取的 labelme 文件：%2</translation>
    </message>
    <message>
        <source>%1 belongs to %2, not to %3 (two images share a name; rename one of them to annotate both)</source>
        <translation>%1 属于 %2，而不是 %3（两张图像同名；请重命名其中一张，以便两张都能标注）</translation>
    </message>
    <message>
        <source>%1 was made for a %2×%3 image, but %4 is %5×%6</source>
        <translation>%1 是为 %2×%3 的图像创建的，但 %4 的尺寸是 %5×%6</translation>
    </message>
</context>
<context>
    <name>CandidatePromoter</name>
    <message>
        <source>New label &quot;%1&quot; from the Prompt lab</source>
        <translation>从提示词实验室新建标签“%1”</translation>
    </message>
    <message>
        <source>Add prompt &quot;%1&quot; to label &quot;%2&quot;</source>
        <translation>将提示词“%1”添加到标签“%2”</translation>
    </message>
    <message>
        <source>Add &quot;%1&quot; to the ensemble of label &quot;%2&quot;</source>
        <translation>将“%1”加入标签“%2”的集成</translation>
    </message>
    <message>
        <source>Add negative &quot;%1&quot; to label &quot;%2&quot;</source>
        <translation>为标签“%2”添加否定“%1”</translation>
    </message>
</context>
<context>
    <name>DocumentCommands</name>
    <message>
        <source>Add label &quot;%1&quot;</source>
        <translation>添加标签“%1”</translation>
    </message>
    <message>
        <source>Remove label &quot;%1&quot;</source>
        <translation>删除标签“%1”</translation>
    </message>
    <message>
        <source>Reorder labels</source>
        <translation>重新排列标签</translation>
    </message>
    <message>
        <source>Select the label to fill first.</source>
        <translation>请先选择要填充的标签。</translation>
    </message>
    <message>
        <source>%1 is hidden: show it to paint it.</source>
        <translation>%1 已隐藏：显示后才能绘制。</translation>
    </message>
    <message>
        <source>This pixel is part of %1 already; click inside a hole of it, or Shift+click to remove this part.</source>
        <translation>此像素已属于 %1；请在其孔洞内点击，或 Shift+点击以删除这一部分。</translation>
    </message>
    <message>
        <source>This pixel is not part of %1: Shift+click a part of it to remove that part.</source>
        <translation>此像素不属于 %1：Shift+点击其某部分可删除该部分。</translation>
    </message>
    <message>
        <source>This area is not a hole of %1 (it reaches the image border); draw a polygon (G) to add it.</source>
        <translation>此区域不是 %1 的孔洞（它延伸到图像边缘）；请画多边形 (G) 来添加它。</translation>
    </message>
    <message>
        <source>This image has no brush edits.</source>
        <translation>此图像没有画笔修改。</translation>
    </message>
    <message>
        <source>clear brush edits</source>
        <translation>清除画笔修改</translation>
    </message>
    <message>
        <source>Use suggested threshold %1 for &quot;%2&quot;</source>
        <translation>为“%2”使用建议阈值 %1</translation>
    </message>
</context>
<context>
    <name>EditLabelCommand</name>
    <message>
        <source>Rename label to &quot;%1&quot;</source>
        <translation>将标签重命名为“%1”</translation>
    </message>
    <message>
        <source>Change colour of &quot;%1&quot;</source>
        <translation>更改“%1”的颜色</translation>
    </message>
    <message>
        <source>Change prompts of &quot;%1&quot;</source>
        <translation>更改“%1”的提示词</translation>
    </message>
    <message>
        <source>Change visual prompts of &quot;%1&quot;</source>
        <translation>更改“%1”的视觉提示</translation>
    </message>
    <message>
        <source>Set threshold of &quot;%1&quot; to %2</source>
        <translation>将“%1”的阈值设为 %2</translation>
    </message>
    <message>
        <source>Show &quot;%1&quot;</source>
        <translation>显示“%1”</translation>
    </message>
    <message>
        <source>Hide &quot;%1&quot;</source>
        <translation>隐藏“%1”</translation>
    </message>
    <message>
        <source>Edit &quot;%1&quot;</source>
        <translation>编辑“%1”</translation>
    </message>
</context>
<context>
    <name>PaintStrokeCommand</name>
    <message>
        <source>erase from %1</source>
        <translation>从 %1 中擦除</translation>
    </message>
    <message>
        <source>paint %1</source>
        <translation>绘制 %1</translation>
    </message>
</context>
<context>
    <name>SetOverlapModeCommand</name>
    <message>
        <source>Make labels exclusive</source>
        <translation>使标签互斥</translation>
    </message>
    <message>
        <source>Let labels overlap</source>
        <translation>允许标签重叠</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Label images by saying what you want: type a prompt or draw a box, get the mask.</source>
        <translation>说出想要的内容即可标注图像：输入提示词或画一个框，即可得到掩码。</translation>
    </message>
    <message>
        <source>BUNDLE</source>
        <translation>模型包</translation>
    </message>
    <message>
        <source>An image or a folder of images to open.</source>
        <translation>要打开的图像或图像文件夹。</translation>
    </message>
    <message>
        <source>Model bundle folder (default: $PROMPTMASK_MODEL, else the model opened last, else the first bundle in ~/.local/share/promptmask/models, else the demo model).</source>
        <translation>模型包文件夹（默认：$PROMPTMASK_MODEL，其次是上次打开的模型，再次是 ~/.local/share/promptmask/models 中的第一个模型包，最后是演示模型）。</translation>
    </message>
</context>
<context>
    <name>pm::ui::AutoLabelController</name>
    <message>
        <source>1 image</source>
        <translation>1 张图像</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>%1 张图像</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>Auto-Label Dataset</source>
        <translation>自动标注数据集</translation>
    </message>
    <message>
        <source>Open a folder of images first (Ctrl+Shift+O).</source>
        <translation>请先打开一个图像文件夹 (Ctrl+Shift+O)。</translation>
    </message>
    <message>
        <source>No model is loaded: open one with File → Open Model…</source>
        <translation>未加载模型：请通过 文件 → 打开模型… 打开一个</translation>
    </message>
    <message>
        <source>No label has a prompt yet: add a label and type what it should find.</source>
        <translation>还没有带提示词的标签：请添加标签并输入要查找的内容。</translation>
    </message>
    <message>
        <source>%1 already have auto annotations made with other labels, thresholds or another model. Replace them with new results?</source>
        <translation>%1 已有用其他标签、阈值或其他模型生成的自动标注。要用新结果替换吗？</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Keep Them</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Nothing to label: %1</source>
        <translation>没有需要标注的：%1</translation>
    </message>
    <message>
        <source>Auto-labelling %1…</source>
        <translation>正在自动标注 %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Auto-labelled %1 of %2 images</source>
        <translation>已自动标注 %2 张中的 %1 张</translation>
    </message>
    <message>
        <source>%1 images/s, about %2 left</source>
        <translation>%1 张/秒，约剩 %2</translation>
    </message>
    <message>
        <source>%1 labelled (%2 shapes) in %3.</source>
        <translation>已标注 %1（%2 个形状），用时 %3。</translation>
    </message>
    <message>
        <source>Left alone, marked done or saved by you: %1.</source>
        <translation>未改动（已完成或由您保存）：%1。</translation>
    </message>
    <message>
        <source>Left alone, with your changes: %1.</source>
        <translation>未改动（含您的修改）：%1。</translation>
    </message>
    <message>
        <source>Already auto-labelled with these labels: %1.</source>
        <translation>已用这些标签自动标注：%1。</translation>
    </message>
    <message>
        <source>Failed: %1 (see details).</source>
        <translation>失败：%1（见详细信息）。</translation>
    </message>
    <message>
        <source>The run was cancelled; the files written so far are kept.</source>
        <translation>运行已取消；已写入的文件会保留。</translation>
    </message>
    <message>
        <source>The run stopped: %1.</source>
        <translation>运行已停止：%1。</translation>
    </message>
</context>
<context>
    <name>pm::ui::AutoLabelDialog</name>
    <message>
        <source>&amp;All images (%1)</source>
        <translation>所有图像 (%1)(&amp;A)</translation>
    </message>
    <message>
        <source>The &amp;selected images (%1)</source>
        <translation>选中的图像 (%1)(&amp;S)</translation>
    </message>
    <message>
        <source>Images &amp;without a saved annotation (%1)</source>
        <translation>没有已保存标注的图像 (%1)(&amp;W)</translation>
    </message>
    <message>
        <source>Auto-Label Dataset</source>
        <translation>自动标注数据集</translation>
    </message>
    <message>
        <source>Label the images with the labels of the Labels dock (%1 now), their prompts and thresholds, and save the masks beside each image as auto annotations.</source>
        <translation>用标签面板中的标签（当前 %1 个）及其提示词和阈值标注图像，并将掩码作为自动标注保存在每张图像旁边。</translation>
    </message>
    <message>
        <source>Images marked done, images with your changes and annotations saved by you are never replaced. The app stays usable while the run goes on.</source>
        <translation>已完成的图像、含您修改的图像以及您保存的标注绝不会被替换。运行期间应用仍可使用。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
</context>
<context>
    <name>pm::ui::AutoLabelRun</name>
    <message>
        <source>another model was loaded</source>
        <translation>加载了另一个模型</translation>
    </message>
    <message>
        <source>no label has a prompt</source>
        <translation>没有带提示词的标签</translation>
    </message>
</context>
<context>
    <name>pm::ui::DatasetDocument</name>
    <message>
        <source>Folder not found: %1</source>
        <translation>找不到文件夹：%1</translation>
    </message>
    <message>
        <source>Image not found: %1</source>
        <translation>找不到图像：%1</translation>
    </message>
    <message>
        <source>No images in %1</source>
        <translation>%1 中没有图像</translation>
    </message>
    <message>
        <source>The saved labels could not be read (a backup was kept as labels.json.bak): %1</source>
        <translation>无法读取已保存的标签（已保留备份 labels.json.bak）：%1</translation>
    </message>
    <message>
        <source>Labels could not be saved: %1 The labels are kept in this window; free some space or fix the folder, then retry.</source>
        <translation>无法保存标签：%1 标签仍保留在此窗口中；请释放磁盘空间或修复文件夹，然后重试。</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>This image cannot be read.</source>
        <translation>无法读取此图像。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 cannot be segmented: the model reads it as %2×%3 pixels, the viewer as %4×%5 (an EXIF orientation or image format the two readers disagree on). Save it again as PNG to label it.</source>
        <translation>无法分割 %1：模型读取的尺寸为 %2×%3 像素，查看器为 %4×%5 像素（两个读取器对 EXIF 方向或图像格式的理解不一致）。请将其另存为 PNG 后再标注。</translation>
    </message>
    <message>
        <source>Segmentation failed: %1</source>
        <translation>分割失败：%1</translation>
    </message>
    <message>
        <source>Changed the brush edits of %1 (not the image shown).</source>
        <translation>已更改 %1 的画笔修改（不是当前显示的图像）。</translation>
    </message>
    <message>
        <source>1 instance</source>
        <translation>1 个实例</translation>
    </message>
    <message>
        <source>%1 instances</source>
        <translation>%1 个实例</translation>
    </message>
    <message>
        <source>Showing the saved annotation %1 (%2); press R to re-segment.</source>
        <translation>正在显示已保存的标注 %1（%2）；按 R 重新分割。</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>已跳过：%1</translation>
    </message>
    <message>
        <source>Labels not in the label list are shown in grey: %1.</source>
        <translation>不在标签列表中的标签以灰色显示：%1。</translation>
    </message>
    <message>
        <source>%1 The image is segmented as if it had no annotation; saving it keeps the old file as &lt;b&gt;%2.bak&lt;/b&gt;.</source>
        <translation>%1 图像将按没有标注的情况分割；保存时旧文件会保留为 &lt;b&gt;%2.bak&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>Nothing to save: no image is open.</source>
        <translation>没有可保存的内容：未打开任何图像。</translation>
    </message>
    <message>
        <source>%1 is saved already (its saved annotation is shown).</source>
        <translation>%1 已保存（正在显示其已保存的标注）。</translation>
    </message>
    <message>
        <source>%1 was not saved automatically: %2 not segmented yet.</source>
        <translation>%1 未自动保存：%2 尚未分割。</translation>
    </message>
    <message>
        <source>%1 is not saved: %2 not segmented yet. Wait for the model, or hide the label.</source>
        <translation>%1 未保存：%2 尚未分割。请等待模型，或隐藏该标签。</translation>
    </message>
    <message>
        <source>Saved automatically: %1 (%2).</source>
        <translation>已自动保存：%1（%2）。</translation>
    </message>
    <message>
        <source>Saved %1 (%2).</source>
        <translation>已保存 %1（%2）。</translation>
    </message>
    <message>
        <source>The old file could not be read and was kept as %1.</source>
        <translation>无法读取旧文件，已保留为 %1。</translation>
    </message>
    <message>
        <source>%1 could not be saved: %2 Your edits are kept in this window; free some space or fix the folder, then retry.</source>
        <translation>无法保存 %1：%2 您的编辑仍保留在此窗口中；请释放磁盘空间或修复文件夹，然后重试。</translation>
    </message>
    <message>
        <source>Re-segmenting: the saved file is kept until you save (Ctrl+S) or change something.</source>
        <translation>正在重新分割：在你保存 (Ctrl+S) 或做出更改之前，已保存的文件保持不变。</translation>
    </message>
    <message>
        <source>No model loaded: open one with File → Open Model…</source>
        <translation>未加载模型：请用 文件 → 打开模型… 打开一个模型</translation>
    </message>
    <message numerus="yes">
        <source>Unsaved brush edits from a session that did not end normally were found for %n image(s): %1.</source>
        <translation>
            <numerusform>发现 %n 张图像有来自未正常结束的会话的未保存画笔编辑：%1。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message numerus="yes">
        <source>Restored the unsaved brush edits of %n image(s).</source>
        <translation>
            <numerusform>已恢复 %n 张图像未保存的画笔编辑。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pm::ui::DatasetExporter</name>
    <message>
        <source>Nothing to export: no image of the folder has a saved annotation (save one with Ctrl+S).</source>
        <translation>没有可导出的内容：该文件夹中没有任何图像有已保存的标注（按 Ctrl+S 保存）。</translation>
    </message>
    <message>
        <source>Nothing to export: no saved annotation could be read.</source>
        <translation>没有可导出的内容：无法读取任何已保存的标注。</translation>
    </message>
</context>
<context>
    <name>pm::ui::ErrorText</name>
    <message>
        <source>The model folder %1 does not exist.</source>
        <translation>模型文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>%1 is not a model bundle: a bundle is a folder with manifest.json and model.pt.</source>
        <translation>%1 不是模型包：模型包是包含 manifest.json 和 model.pt 的文件夹。</translation>
    </message>
    <message>
        <source>%1 is missing from the model bundle.</source>
        <translation>模型包中缺少 %1。</translation>
    </message>
    <message>
        <source>%1 is damaged or was changed: its size or checksum differs from manifest.json.</source>
        <translation>%1 已损坏或被修改：其大小或校验和与 manifest.json 不符。</translation>
    </message>
    <message>
        <source>This model bundle cannot be used: %1</source>
        <translation>无法使用此模型包：%1</translation>
    </message>
</context>
<context>
    <name>pm::ui::ExportDialog</name>
    <message>
        <source>&amp;COCO instance segmentation (one JSON file)</source>
        <translation>&amp;COCO 实例分割（一个 JSON 文件）</translation>
    </message>
    <message>
        <source>&amp;PNG masks (folder: label-index PNG per image, binary mask per label)</source>
        <translation>&amp;PNG 掩码（文件夹：每张图像一个标签索引 PNG，每个标签一个二值掩码）</translation>
    </message>
    <message>
        <source>&amp;labelme (folder: one JSON file per image)</source>
        <translation>&amp;labelme（文件夹：每张图像一个 JSON 文件）</translation>
    </message>
    <message>
        <source>Embed the &amp;images in the JSON files (imageData)</source>
        <translation>将图像嵌入 JSON 文件（imageData）(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Simplify outlines: far fewer vertices on big shapes, about 1 % IoU</source>
        <translation>简化轮廓(&amp;S)：大形状的顶点少得多，IoU 约差 1 %</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Export Dataset</source>
        <translation>导出数据集</translation>
    </message>
    <message>
        <source>All %1 images of &lt;b&gt;%2&lt;/b&gt; have a saved annotation.</source>
        <translation>&lt;b&gt;%2&lt;/b&gt; 中的全部 %1 张图像都有已保存的标注。</translation>
    </message>
    <message>
        <source>%1 of %2 images of &lt;b&gt;%3&lt;/b&gt; have a saved annotation; only those are exported. Save an image with &lt;i&gt;Ctrl+S&lt;/i&gt; or &lt;i&gt;Ctrl+Enter&lt;/i&gt;.</source>
        <translation>&lt;b&gt;%3&lt;/b&gt; 的 %2 张图像中有 %1 张有已保存的标注；只导出这些图像。用 &lt;i&gt;Ctrl+S&lt;/i&gt; 或 &lt;i&gt;Ctrl+Enter&lt;/i&gt; 保存图像。</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Save &amp;to:</source>
        <translation>保存到(&amp;T)：</translation>
    </message>
    <message>
        <source>Polygons, RLE for masks with holes</source>
        <translation>多边形；带孔的掩码用 RLE</translation>
    </message>
    <message>
        <source>Polygons</source>
        <translation>多边形</translation>
    </message>
    <message>
        <source>RLE (exact masks)</source>
        <translation>RLE（精确掩码）</translation>
    </message>
    <message>
        <source>&amp;Masks as:</source>
        <translation>掩码格式(&amp;M)：</translation>
    </message>
    <message>
        <source>Polygons follow the pixel staircase of a mask by default (a round shape of 200 px gets ~290 vertices). Simplified, each outline may deviate by 1 % of its width: a circle keeps ~30 vertices, a rectangle its 4 corners.</source>
        <translation>默认情况下，多边形沿掩码的像素阶梯走（200 px 的圆形约有 290 个顶点）。简化后，每条轮廓最多偏离其宽度的 1 %：圆形保留约 30 个顶点，矩形保留 4 个角。</translation>
    </message>
    <message>
        <source>Export COCO File</source>
        <translation>导出 COCO 文件</translation>
    </message>
    <message>
        <source>Export to Folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <source>Choose where to save the export.</source>
        <translation>请选择导出的保存位置。</translation>
    </message>
    <message>
        <source>Choose a folder outside the dataset folder.</source>
        <translation>请选择数据集文件夹以外的文件夹。</translation>
    </message>
    <message>
        <source>COCO is one file: choose a file name, not a folder.</source>
        <translation>COCO 是单个文件：请选择文件名，而不是文件夹。</translation>
    </message>
</context>
<context>
    <name>pm::ui::ImageDock</name>
    <message>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>Include subfolders</source>
        <translation>包括子文件夹</translation>
    </message>
    <message>
        <source>Filter by name…</source>
        <translation>按名称筛选…</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>已编辑</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n 张图像</numerusform>
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
        <translation>新建标签</translation>
    </message>
    <message>
        <source>Make this candidate a new label (Ctrl+Z takes it back)</source>
        <translation>将此候选项设为新标签（Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <source>Add to…</source>
        <translation>添加到…</translation>
    </message>
    <message>
        <source>Add this candidate to an existing label</source>
        <translation>将此候选项添加到现有标签</translation>
    </message>
    <message>
        <source>Remove this candidate</source>
        <translation>移除此候选项</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>decoding…</source>
        <translation>正在解码…</translation>
    </message>
    <message>
        <source>%1 % · %2 ms</source>
        <translation>%1 % · %2 毫秒</translation>
    </message>
    <message>
        <source>Mask area at the lab threshold · time of the prompt encoding and decode</source>
        <translation>实验室阈值下的掩码面积 · 提示词编码与解码用时</translation>
    </message>
</context>
<context>
    <name>pm::ui::LabelDefinition</name>
    <message>
        <source>label %1</source>
        <translation>标签 %1</translation>
    </message>
</context>
<context>
    <name>pm::ui::LabelListModel</name>
    <message>
        <source>  (hidden)</source>
        <translation>  （已隐藏）</translation>
    </message>
    <message>
        <source>Prompts: %1</source>
        <translation>提示词：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n visual exemplar(s)</source>
        <translation>
            <numerusform>%n 个视觉示例</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pm::ui::LabelsDock</name>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Add a label</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>Remove the selected label</source>
        <translation>删除所选标签</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Selected label</source>
        <translation>所选标签</translation>
    </message>
    <message>
        <source>Visible</source>
        <translation>可见</translation>
    </message>
    <message>
        <source>Remove the selected visual prompt</source>
        <translation>删除所选视觉提示</translation>
    </message>
    <message>
        <source>What to find, e.g. &quot;a glass&quot; (; separates prompts)</source>
        <translation>要查找的内容，例如“一个玻璃杯”（用 ; 分隔多个提示词）</translation>
    </message>
    <message>
        <source>Label colour</source>
        <translation>标签颜色</translation>
    </message>
    <message>
        <source>Visual prompts: draw a box on any image with the box tool (B)</source>
        <translation>视觉提示：用框选工具 (B) 在任意图像上画一个框</translation>
    </message>
    <message>
        <source>Crop, blur, highlight (paper default)</source>
        <translation>裁剪、模糊、高亮（论文默认）</translation>
    </message>
    <message>
        <source>Crop only</source>
        <translation>仅裁剪</translation>
    </message>
    <message>
        <source>Whole image</source>
        <translation>整张图像</translation>
    </message>
    <message>
        <source>How a drawn box becomes a visual prompt</source>
        <translation>所画的框如何变成视觉提示</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Visual</source>
        <translation>视觉</translation>
    </message>
    <message>
        <source>Box mode</source>
        <translation>框模式</translation>
    </message>
    <message>
        <source>No labels yet.

Press T and type what to find, e.g. &quot;red circle&quot; — or click + to add a label.</source>
        <translation>还没有标签。

按 T 并输入要查找的内容，例如“红色圆形”——或点击 + 添加标签。</translation>
    </message>
</context>
<context>
    <name>pm::ui::LanguageMenu</name>
    <message>
        <source>The language changes when PromptMask starts next time.</source>
        <translation>语言将在下次启动 PromptMask 时更改。</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System Language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>pm::ui::MainWindow</name>
    <message>
        <source>Open an image (Ctrl+O) or a folder (Ctrl+Shift+O).
Then press T and type what to find, e.g. &quot;a glass&quot;, or draw a box around one example with the box tool (B).</source>
        <translation>打开一张图像 (Ctrl+O) 或一个文件夹 (Ctrl+Shift+O)。
然后按 T 并输入要查找的内容，例如“一个玻璃杯”，或用框选工具 (B) 在一个示例周围画框。</translation>
    </message>
    <message>
        <source>Loading model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <source>Loading model %1…</source>
        <translation>正在加载模型 %1…</translation>
    </message>
    <message>
        <source>Model loaded: %1</source>
        <translation>模型已加载：%1</translation>
    </message>
    <message>
        <source>Segmenting…</source>
        <translation>正在分割…</translation>
    </message>
    <message>
        <source>Loading model &lt;b&gt;%1&lt;/b&gt;…</source>
        <translation>正在加载模型 &lt;b&gt;%1&lt;/b&gt;…</translation>
    </message>
    <message>
        <source>&lt;b&gt;The model could not be loaded.&lt;/b&gt; %1&lt;br&gt;</source>
        <translation>&lt;b&gt;无法加载模型。&lt;/b&gt;%1&lt;br&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;No model loaded&lt;/b&gt; — here is how to get one: open a model bundle (a folder with &lt;code&gt;manifest.json&lt;/code&gt; and &lt;code&gt;model.pt&lt;/code&gt;) with &lt;i&gt;File → Open Model…&lt;/i&gt;. Export CLIPSeg from Hugging Face with &lt;code&gt;packaging/models/export_clipseg.py&lt;/code&gt;, or use the demo model &lt;code&gt;resources/models/demo-shapes&lt;/code&gt;. &lt;a href=&quot;guide&quot;&gt;Read the user guide&lt;/a&gt;.</source>
        <translation>&lt;b&gt;未加载模型&lt;/b&gt;——获取方法：用 &lt;i&gt;文件 → 打开模型…&lt;/i&gt; 打开一个模型包（包含 &lt;code&gt;manifest.json&lt;/code&gt; 和 &lt;code&gt;model.pt&lt;/code&gt; 的文件夹）。可用 &lt;code&gt;packaging/models/export_clipseg.py&lt;/code&gt; 从 Hugging Face 导出 CLIPSeg，或使用演示模型 &lt;code&gt;resources/models/demo-shapes&lt;/code&gt;。&lt;a href=&quot;guide&quot;&gt;阅读用户指南&lt;/a&gt;。</translation>
    </message>
    <message>
        <source>Open Model…</source>
        <translation>打开模型…</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>无模型</translation>
    </message>
    <message>
        <source>No model loaded.
Open a model bundle with File → Open Model… (Ctrl+M); you can still browse images and set up labels.</source>
        <translation>未加载模型。
用 文件 → 打开模型… (Ctrl+M) 打开模型包；在此之前仍可浏览图像和设置标签。</translation>
    </message>
    <message>
        <source>no model</source>
        <translation>无模型</translation>
    </message>
    <message>
        <source>Unsaved Brush Edits</source>
        <translation>未保存的画笔修改</translation>
    </message>
    <message numerus="yes">
        <source>Brush or eraser edits on %n image(s) are not saved: %1.

Quit and discard them?</source>
        <translation>
            <numerusform>%n 张图像上的画笔或橡皮擦修改尚未保存：%1。

退出并丢弃这些修改？</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Image…</source>
        <translation>打开图像(&amp;I)…</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>打开文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Open &amp;Model…</source>
        <translation>打开模型(&amp;M)…</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>Use &amp;Demo Model</source>
        <translation>使用演示模型(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Save Annotation</source>
        <translation>保存标注(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Export Dataset…</source>
        <translation>导出数据集(&amp;E)…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>&amp;Type a Prompt</source>
        <translation>输入提示词(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Add Label</source>
        <translation>添加标签(&amp;A)</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Remo&amp;ve Label</source>
        <translation>删除标签(&amp;V)</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>&amp;Box Tool (Visual Prompt)</source>
        <translation>框选工具（视觉提示）(&amp;B)</translation>
    </message>
    <message>
        <source>Draw a box around one example: its crop becomes a visual prompt</source>
        <translation>在一个示例周围画框：裁剪出的区域成为视觉提示</translation>
    </message>
    <message>
        <source>&amp;Paint Brush</source>
        <translation>画笔(&amp;P)</translation>
    </message>
    <message>
        <source>Paint pixels into the selected label&apos;s mask</source>
        <translation>在所选标签的掩码中绘制像素</translation>
    </message>
    <message>
        <source>&amp;Eraser</source>
        <translation>橡皮擦(&amp;E)</translation>
    </message>
    <message>
        <source>Erase pixels from the selected label&apos;s mask</source>
        <translation>从所选标签的掩码中擦除像素</translation>
    </message>
    <message>
        <source>Pol&amp;ygon Fill</source>
        <translation>多边形填充(&amp;Y)</translation>
    </message>
    <message>
        <source>Click corners around a region to add it to the selected label&apos;s mask (Shift when closing: cut it out)</source>
        <translation>点击区域周围的角点，将其加入所选标签的掩码（闭合时按住 Shift：将其挖掉）</translation>
    </message>
    <message>
        <source>&amp;Fill Holes</source>
        <translation>填充孔洞(&amp;F)</translation>
    </message>
    <message>
        <source>Click inside a hole of the selected label to fill it; Shift+click a part to remove it</source>
        <translation>在所选标签的孔洞内点击即可填充；Shift+点击某部分可将其删除</translation>
    </message>
    <message>
        <source>&amp;Larger Brush</source>
        <translation>增大画笔(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Smaller Brush</source>
        <translation>减小画笔(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Actual Size (1:1)</source>
        <translation>实际大小 (1:1)(&amp;A)</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>Probability &amp;Heat Map</source>
        <translation>概率热力图(&amp;H)</translation>
    </message>
    <message>
        <source>Over&amp;lapping Labels</source>
        <translation>重叠标签(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Exclusive (highest probability wins)</source>
        <translation>互斥（概率最高者胜出）(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Overlapping (independent masks)</source>
        <translation>可重叠（各掩码独立）(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Image</source>
        <translation>图像(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Next Image</source>
        <translation>下一张图像(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Image</source>
        <translation>上一张图像(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Re-segment</source>
        <translation>重新分割(&amp;R)</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Run the model on this image, also when it shows a saved annotation</source>
        <translation>在此图像上运行模型，即使它显示的是已保存的标注</translation>
    </message>
    <message>
        <source>&amp;Clear Brush Edits</source>
        <translation>清除画笔修改(&amp;C)</translation>
    </message>
    <message>
        <source>Shift+E</source>
        <translation>Shift+E</translation>
    </message>
    <message>
        <source>Remove every brush and eraser stroke of this image (undoable)</source>
        <translation>删除此图像上所有画笔和橡皮擦笔画（可撤销）</translation>
    </message>
    <message>
        <source>Save, Mark &amp;Done and Go On</source>
        <translation>保存、标记完成并继续(&amp;D)</translation>
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
        <translation>打开时自动分割(&amp;A)</translation>
    </message>
    <message>
        <source>Leaving an image whose masks you changed (status edited) saves them</source>
        <translation>离开掩码已修改（状态为已编辑）的图像时会保存这些掩码</translation>
    </message>
    <message>
        <source>One &amp;Instance per Label</source>
        <translation>每个标签一个实例(&amp;I)</translation>
    </message>
    <message>
        <source>Save each label&apos;s mask as one instance instead of one per connected part</source>
        <translation>将每个标签的掩码保存为一个实例，而不是每个连通部分一个实例</translation>
    </message>
    <message>
        <source>&amp;Minimum Area…</source>
        <translation>最小面积(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Ctrl+/</source>
        <translation>Ctrl+/</translation>
    </message>
    <message>
        <source>&amp;About PromptMask</source>
        <translation>关于 PromptMask(&amp;A)</translation>
    </message>
    <message>
        <source>About PromptMask</source>
        <translation>关于 PromptMask</translation>
    </message>
    <message>
        <source>&lt;h3&gt;PromptMask %1&lt;/h3&gt;&lt;p&gt;Label images by saying what you want: type a prompt or draw a box around one example, and CLIPSeg paints the mask.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;PromptMask %1&lt;/h3&gt;&lt;p&gt;说出想要的内容即可标注图像：输入提示词或在一个示例周围画框，CLIPSeg 就会画出掩码。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open Model Bundle</source>
        <translation>打开模型包</translation>
    </message>
    <message>
        <source>Open Image</source>
        <translation>打开图像</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>图像 (%1)</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>User Guide</source>
        <translation>用户指南</translation>
    </message>
    <message>
        <source>The user guide is docs/USER_GUIDE.md in the sources.</source>
        <translation>用户指南位于源代码中的 docs/USER_GUIDE.md。</translation>
    </message>
    <message>
        <source>1 image</source>
        <translation>1 张图像</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>%1 张图像</translation>
    </message>
    <message>
        <source>1 annotation</source>
        <translation>1 个标注</translation>
    </message>
    <message>
        <source>%1 annotations</source>
        <translation>%1 个标注</translation>
    </message>
    <message>
        <source>Minimum Area</source>
        <translation>最小面积</translation>
    </message>
    <message>
        <source>Parts of a mask (and holes) smaller than this many pixels are left out of saved annotations:</source>
        <translation>小于此像素数的掩码部分（及孔洞）不会写入已保存的标注：</translation>
    </message>
    <message>
        <source>Open a folder first (Ctrl+Shift+O).</source>
        <translation>请先打开一个文件夹 (Ctrl+Shift+O)。</translation>
    </message>
    <message>
        <source>An export is running already.</source>
        <translation>已有导出正在进行。</translation>
    </message>
    <message>
        <source>Exporting %1 as %2…</source>
        <translation>正在将 %1 导出为 %2…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export Dataset</source>
        <translation>导出数据集</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>The export was cancelled. Files written so far are complete (a COCO file is only written at the end).</source>
        <translation>导出已取消。已写入的文件都是完整的（COCO 文件只在最后写入）。</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>Exported %1 with %2 to %3.</source>
        <translation>已将 %1（含 %2）导出到 %3。</translation>
    </message>
    <message>
        <source>Left out (no saved annotation): %1.</source>
        <translation>已略过（无已保存的标注）：%1。</translation>
    </message>
    <message>
        <source>Errors: %1 (see details); everything else was exported.</source>
        <translation>错误：%1（见详细信息）；其余内容均已导出。</translation>
    </message>
    <message>
        <source>Warnings: %1.</source>
        <translation>警告：%1。</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>a new label</source>
        <translation>新标签</translation>
    </message>
    <message>
        <source>Brush: drag to paint into %1 ([ ] size, E eraser, P again to stop).</source>
        <translation>画笔：拖动以在 %1 中绘制（[ ] 调整大小，E 橡皮擦，再按 P 停止）。</translation>
    </message>
    <message>
        <source>Eraser: drag to erase from %1 ([ ] size, P brush, E again to stop).</source>
        <translation>橡皮擦：拖动以从 %1 中擦除（[ ] 调整大小，P 画笔，再按 E 停止）。</translation>
    </message>
    <message>
        <source>Polygon: click corners (or drag) around what belongs to %1; double-click or Enter fills it, Shift cuts it out, Backspace undoes a corner, Esc drops it.</source>
        <translation>多边形：在属于 %1 的区域周围点击角点（或拖动）；双击或按 Enter 填充，按住 Shift 挖掉，Backspace 撤销一个角点，Esc 放弃。</translation>
    </message>
    <message>
        <source>Fill: click inside a hole of %1 to fill it; Shift+click a part of it to remove that part.</source>
        <translation>填充：在 %1 的孔洞内点击即可填充；Shift+点击其某部分可删除该部分。</translation>
    </message>
    <message>
        <source>Brush: %1 px wide</source>
        <translation>画笔：宽 %1 px</translation>
    </message>
    <message>
        <source>Show O&amp;verlay</source>
        <translation>显示叠加层(&amp;V)</translation>
    </message>
    <message>
        <source>Save A&amp;utomatically When Leaving an Image</source>
        <translation>离开图像时自动保存(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <source>Su&amp;ggest Threshold…</source>
        <translation>建议阈值(&amp;G)…</translation>
    </message>
    <message>
        <source>Auto-&amp;Label Dataset…</source>
        <translation>自动标注数据集(&amp;L)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>Label all images, the selected ones or the unannotated ones with the current labels, in the background</source>
        <translation>在后台用当前标签标注所有图像、选中的图像或未标注的图像</translation>
    </message>
</context>
<context>
    <name>pm::ui::NoticeBar</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>pm::ui::PromptLabDock</name>
    <message>
        <source>Prompt Lab</source>
        <translation>提示词实验室</translation>
    </message>
    <message>
        <source>&amp;Prompt Lab</source>
        <translation>提示词实验室(&amp;P)</translation>
    </message>
    <message>
        <source>This image</source>
        <translation>当前图像</translation>
    </message>
    <message>
        <source>Across images</source>
        <translation>跨图像</translation>
    </message>
    <message>
        <source>Type a candidate prompt, then Enter (e.g. &quot;a red ellipse&quot;)</source>
        <translation>输入候选提示词，然后按 Enter（例如“a red ellipse”）</translation>
    </message>
    <message>
        <source>Threshold for the mask areas of all candidates</source>
        <translation>所有候选项掩码面积使用的阈值</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Run on the next images</source>
        <translation>在后续图像上运行</translation>
    </message>
    <message>
        <source>Runs every candidate over the next images of the folder, in the background.</source>
        <translation>在后台对文件夹中的后续图像运行每个候选项。</translation>
    </message>
    <message>
        <source>Images after this one:</source>
        <translation>之后的图像数：</translation>
    </message>
    <message>
        <source>No candidates yet: type one above and press Enter.</source>
        <translation>还没有候选项：在上方输入一个并按 Enter。</translation>
    </message>
    <message numerus="yes">
        <source>%n candidate(s) on %1, decoding %2…</source>
        <translation>
            <numerusform>%1 上有 %n 个候选项，正在解码 %2 个…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n candidate(s) on %1, %2 shown</source>
        <translation>
            <numerusform>%1 上有 %n 个候选项，已显示 %2 个</numerusform>
        </translation>
    </message>
    <message>
        <source>No labels yet</source>
        <translation>还没有标签</translation>
    </message>
    <message>
        <source>As a prompt (either one finds it)</source>
        <translation>作为提示词（任一找到即可）</translation>
    </message>
    <message>
        <source>Add candidates first.</source>
        <translation>请先添加候选项。</translation>
    </message>
    <message>
        <source>There are no images after this one.</source>
        <translation>此图像之后没有其他图像。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Running: %1 of %2 images</source>
        <translation>运行中：%1 / %2 张图像</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 images</source>
        <translation>已在 %1 / %2 张图像后取消</translation>
    </message>
    <message>
        <source>Done: %1 images</source>
        <translation>完成：%1 张图像</translation>
    </message>
    <message>
        <source>Into its ensemble (averaged)</source>
        <translation>加入其集成（取平均）</translation>
    </message>
    <message>
        <source>As a negative (not this)</source>
        <translation>作为否定（排除此项）</translation>
    </message>
</context>
<context>
    <name>pm::ui::SegmentationWorker</name>
    <message>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: no model could be opened</source>
        <translation>“%1”：无法打开任何模型</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>未加载模型</translation>
    </message>
    <message>
        <source>nothing to segment</source>
        <translation>没有可分割的内容</translation>
    </message>
    <message>
        <source>the visual prompt drawn on %1 was left out: %2</source>
        <translation>在 %1 上画的视觉提示已被略过：%2</translation>
    </message>
</context>
<context>
    <name>pm::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Select label 1 to 9</source>
        <translation>选择标签 1 到 9</translation>
    </message>
    <message>
        <source>Mouse wheel</source>
        <translation>鼠标滚轮</translation>
    </message>
    <message>
        <source>Zoom around the cursor</source>
        <translation>以光标为中心缩放</translation>
    </message>
    <message>
        <source>Space + drag, middle drag</source>
        <translation>空格 + 拖动，中键拖动</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>平移</translation>
    </message>
    <message>
        <source>Enter, double-click</source>
        <translation>Enter，双击</translation>
    </message>
    <message>
        <source>Polygon: fill it (with Shift: cut it out)</source>
        <translation>多边形：填充（按住 Shift：挖掉）</translation>
    </message>
    <message>
        <source>Backspace</source>
        <translation>Backspace</translation>
    </message>
    <message>
        <source>Polygon: take the last corner back</source>
        <translation>多边形：撤回最后一个角点</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Drop the box, stroke or polygon being drawn</source>
        <translation>放弃正在画的框、笔画或多边形</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>按键</translation>
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
        <translation>上一次请求：图像编码 / 提示词编码 / 解码</translation>
    </message>
    <message>
        <source>Cached image encodings and prompt embeddings</source>
        <translation>已缓存的图像编码和提示词嵌入</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>模型：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n thread(s)</source>
        <translation>
            <numerusform>%n 个线程</numerusform>
        </translation>
    </message>
    <message>
        <source>cached</source>
        <translation>已缓存</translation>
    </message>
    <message>
        <source>encode %1 · prompts %2 ms · decode %3 ms</source>
        <translation>编码 %1 · 提示词 %2 ms · 解码 %3 ms</translation>
    </message>
    <message numerus="yes">
        <source>cache: %n image(s)</source>
        <translation>
            <numerusform>缓存：%n 张图像</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n prompt(s)</source>
        <translation>
            <numerusform>，%n 个提示词</numerusform>
        </translation>
    </message>
    <message>
        <source>, %1% hits</source>
        <translation>，命中率 %1%</translation>
    </message>
</context>
<context>
    <name>pm::ui::ThresholdDialog</name>
    <message>
        <source>Threshold for &quot;%1&quot;</source>
        <translation>“%1”的阈值</translation>
    </message>
    <message>
        <source>Current threshold:</source>
        <translation>当前阈值：</translation>
    </message>
    <message>
        <source>Otsu&apos;s guess on this image:</source>
        <translation>本图像的大津法估计：</translation>
    </message>
    <message>
        <source>segment this image first</source>
        <translation>请先分割此图像</translation>
    </message>
    <message>
        <source>Use Otsu&apos;s Guess</source>
        <translation>使用大津法估计</translation>
    </message>
    <message>
        <source>Learned from your saved images:</source>
        <translation>从已保存的图像学习：</translation>
    </message>
    <message numerus="yes">
        <source>%1 (mean IoU %2 over %n saved image(s))</source>
        <translation>
            <numerusform>%1（%n 张已保存图像的平均 IoU %2）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>save %n more image(s) containing this label</source>
        <translation>
            <numerusform>再保存 %n 张包含此标签的图像</numerusform>
        </translation>
    </message>
    <message>
        <source>Use Learned Threshold</source>
        <translation>使用学习到的阈值</translation>
    </message>
    <message>
        <source>Mean IoU with your saved masks at each threshold (dashed: current, dotted: Otsu)</source>
        <translation>各阈值下与已保存掩码的平均 IoU（虚线：当前，点线：大津法）</translation>
    </message>
</context>
</TS>
