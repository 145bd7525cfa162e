<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AnnotationFile</name>
    <message>
        <source>%1 is not a readable labelme file: %2</source>
        <translation>%1 ist keine lesbare labelme-Datei: %2</translation>
    </message>
    <message>
        <source>%1 belongs to %2, not to %3 (two images share a name; rename one of them to annotate both)</source>
        <translation>%1 gehört zu %2, nicht zu %3 (zwei Bilder haben denselben Namen; benennen Sie eines um, um beide zu annotieren)</translation>
    </message>
    <message>
        <source>%1 was made for a %2×%3 image, but %4 is %5×%6</source>
        <translation>%1 wurde für ein Bild mit %2×%3 Pixeln erstellt, %4 hat aber %5×%6</translation>
    </message>
</context>
<context>
    <name>CandidatePromoter</name>
    <message>
        <source>New label &quot;%1&quot; from the Prompt lab</source>
        <translation>Neues Label „%1“ aus dem Prompt-Labor</translation>
    </message>
    <message>
        <source>Add prompt &quot;%1&quot; to label &quot;%2&quot;</source>
        <translation>Prompt „%1“ zu Label „%2“ hinzufügen</translation>
    </message>
    <message>
        <source>Add &quot;%1&quot; to the ensemble of label &quot;%2&quot;</source>
        <translation>„%1“ zum Ensemble von Label „%2“ hinzufügen</translation>
    </message>
    <message>
        <source>Add negative &quot;%1&quot; to label &quot;%2&quot;</source>
        <translation>Negativ „%1“ zu Label „%2“ hinzufügen</translation>
    </message>
</context>
<context>
    <name>DocumentCommands</name>
    <message>
        <source>Add label &quot;%1&quot;</source>
        <translation>Label „%1“ hinzufügen</translation>
    </message>
    <message>
        <source>Remove label &quot;%1&quot;</source>
        <translation>Label „%1“ entfernen</translation>
    </message>
    <message>
        <source>Reorder labels</source>
        <translation>Labels neu ordnen</translation>
    </message>
    <message>
        <source>Select the label to fill first.</source>
        <translation>Wählen Sie zuerst das Label aus, das gefüllt werden soll.</translation>
    </message>
    <message>
        <source>%1 is hidden: show it to paint it.</source>
        <translation>%1 ist ausgeblendet: zum Malen einblenden.</translation>
    </message>
    <message>
        <source>This pixel is part of %1 already; click inside a hole of it, or Shift+click to remove this part.</source>
        <translation>Dieses Pixel gehört schon zu %1; klicken Sie in ein Loch davon oder entfernen Sie diesen Teil mit Umschalt+Klick.</translation>
    </message>
    <message>
        <source>This pixel is not part of %1: Shift+click a part of it to remove that part.</source>
        <translation>Dieses Pixel gehört nicht zu %1: Umschalt+Klick auf einen Teil davon entfernt diesen Teil.</translation>
    </message>
    <message>
        <source>This area is not a hole of %1 (it reaches the image border); draw a polygon (G) to add it.</source>
        <translation>Dieser Bereich ist kein Loch von %1 (er reicht bis zum Bildrand); zeichnen Sie ein Polygon (G), um ihn hinzuzufügen.</translation>
    </message>
    <message>
        <source>This image has no brush edits.</source>
        <translation>Dieses Bild hat keine Pinseländerungen.</translation>
    </message>
    <message>
        <source>clear brush edits</source>
        <translation>Pinseländerungen verwerfen</translation>
    </message>
    <message>
        <source>Use suggested threshold %1 for &quot;%2&quot;</source>
        <translation>Vorgeschlagenen Schwellenwert %1 für „%2“ verwenden</translation>
    </message>
</context>
<context>
    <name>EditLabelCommand</name>
    <message>
        <source>Rename label to &quot;%1&quot;</source>
        <translation>Label in „%1“ umbenennen</translation>
    </message>
    <message>
        <source>Change colour of &quot;%1&quot;</source>
        <translation>Farbe von „%1“ ändern</translation>
    </message>
    <message>
        <source>Change prompts of &quot;%1&quot;</source>
        <translation>Prompts von „%1“ ändern</translation>
    </message>
    <message>
        <source>Change visual prompts of &quot;%1&quot;</source>
        <translation>Visuelle Prompts von „%1“ ändern</translation>
    </message>
    <message>
        <source>Set threshold of &quot;%1&quot; to %2</source>
        <translation>Schwellwert von „%1“ auf %2 setzen</translation>
    </message>
    <message>
        <source>Show &quot;%1&quot;</source>
        <translation>„%1“ anzeigen</translation>
    </message>
    <message>
        <source>Hide &quot;%1&quot;</source>
        <translation>„%1“ ausblenden</translation>
    </message>
    <message>
        <source>Edit &quot;%1&quot;</source>
        <translation>„%1“ bearbeiten</translation>
    </message>
</context>
<context>
    <name>PaintStrokeCommand</name>
    <message>
        <source>erase from %1</source>
        <translation>aus %1 radieren</translation>
    </message>
    <message>
        <source>paint %1</source>
        <translation>%1 malen</translation>
    </message>
</context>
<context>
    <name>SetOverlapModeCommand</name>
    <message>
        <source>Make labels exclusive</source>
        <translation>Labels exklusiv machen</translation>
    </message>
    <message>
        <source>Let labels overlap</source>
        <translation>Labels überlappen lassen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Label images by saying what you want: type a prompt or draw a box, get the mask.</source>
        <translation>Bilder beschriften, indem man sagt, was man will: Prompt eingeben oder Rahmen ziehen, Maske erhalten.</translation>
    </message>
    <message>
        <source>BUNDLE</source>
        <translation>PAKET</translation>
    </message>
    <message>
        <source>An image or a folder of images to open.</source>
        <translation>Ein Bild oder ein Bilderordner zum Öffnen.</translation>
    </message>
    <message>
        <source>Model bundle folder (default: $PROMPTMASK_MODEL, else the model opened last, else the first bundle in ~/.local/share/promptmask/models, else the demo model).</source>
        <translation>Ordner des Modellpakets (Standard: $PROMPTMASK_MODEL, sonst das zuletzt geöffnete Modell, sonst das erste Paket in ~/.local/share/promptmask/models, sonst das Demo-Modell).</translation>
    </message>
</context>
<context>
    <name>pm::ui::AutoLabelController</name>
    <message>
        <source>1 image</source>
        <translation>1 Bild</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>%1 Bilder</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Auto-Label Dataset</source>
        <translation>Datensatz automatisch beschriften</translation>
    </message>
    <message>
        <source>Open a folder of images first (Ctrl+Shift+O).</source>
        <translation>Öffnen Sie zuerst einen Bilderordner (Strg+Umschalt+O).</translation>
    </message>
    <message>
        <source>No model is loaded: open one with File → Open Model…</source>
        <translation>Kein Modell geladen: Öffnen Sie eines mit Datei → Modell öffnen…</translation>
    </message>
    <message>
        <source>No label has a prompt yet: add a label and type what it should find.</source>
        <translation>Noch kein Label hat einen Prompt: Fügen Sie ein Label hinzu und geben Sie ein, was es finden soll.</translation>
    </message>
    <message>
        <source>%1 already have auto annotations made with other labels, thresholds or another model. Replace them with new results?</source>
        <translation>%1 haben bereits automatische Annotationen mit anderen Labels, Schwellenwerten oder einem anderen Modell. Durch neue Ergebnisse ersetzen?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Keep Them</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Nothing to label: %1</source>
        <translation>Nichts zu beschriften: %1</translation>
    </message>
    <message>
        <source>Auto-labelling %1…</source>
        <translation>%1 werden automatisch beschriftet…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Auto-labelled %1 of %2 images</source>
        <translation>%1 von %2 Bildern automatisch beschriftet</translation>
    </message>
    <message>
        <source>%1 images/s, about %2 left</source>
        <translation>%1 Bilder/s, noch etwa %2</translation>
    </message>
    <message>
        <source>%1 labelled (%2 shapes) in %3.</source>
        <translation>%1 beschriftet (%2 Formen) in %3.</translation>
    </message>
    <message>
        <source>Left alone, marked done or saved by you: %1.</source>
        <translation>Unverändert, als fertig markiert oder von Ihnen gespeichert: %1.</translation>
    </message>
    <message>
        <source>Left alone, with your changes: %1.</source>
        <translation>Unverändert, mit Ihren Änderungen: %1.</translation>
    </message>
    <message>
        <source>Already auto-labelled with these labels: %1.</source>
        <translation>Bereits mit diesen Labels automatisch beschriftet: %1.</translation>
    </message>
    <message>
        <source>Failed: %1 (see details).</source>
        <translation>Fehlgeschlagen: %1 (siehe Details).</translation>
    </message>
    <message>
        <source>The run was cancelled; the files written so far are kept.</source>
        <translation>Der Lauf wurde abgebrochen; die bisher geschriebenen Dateien bleiben erhalten.</translation>
    </message>
    <message>
        <source>The run stopped: %1.</source>
        <translation>Der Lauf wurde beendet: %1.</translation>
    </message>
</context>
<context>
    <name>pm::ui::AutoLabelDialog</name>
    <message>
        <source>&amp;All images (%1)</source>
        <translation>&amp;Alle Bilder (%1)</translation>
    </message>
    <message>
        <source>The &amp;selected images (%1)</source>
        <translation>Die &amp;ausgewählten Bilder (%1)</translation>
    </message>
    <message>
        <source>Images &amp;without a saved annotation (%1)</source>
        <translation>Bilder &amp;ohne gespeicherte Annotation (%1)</translation>
    </message>
    <message>
        <source>Auto-Label Dataset</source>
        <translation>Datensatz automatisch beschriften</translation>
    </message>
    <message>
        <source>Label the images with the labels of the Labels dock (%1 now), their prompts and thresholds, and save the masks beside each image as auto annotations.</source>
        <translation>Die Bilder mit den Labels des Label-Docks (derzeit %1), ihren Prompts und Schwellenwerten beschriften und die Masken als automatische Annotationen neben jedem Bild speichern.</translation>
    </message>
    <message>
        <source>Images marked done, images with your changes and annotations saved by you are never replaced. The app stays usable while the run goes on.</source>
        <translation>Als fertig markierte Bilder, Bilder mit Ihren Änderungen und von Ihnen gespeicherte Annotationen werden nie ersetzt. Die App bleibt während des Laufs bedienbar.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
</context>
<context>
    <name>pm::ui::AutoLabelRun</name>
    <message>
        <source>another model was loaded</source>
        <translation>ein anderes Modell wurde geladen</translation>
    </message>
    <message>
        <source>no label has a prompt</source>
        <translation>kein Label hat einen Prompt</translation>
    </message>
</context>
<context>
    <name>pm::ui::DatasetDocument</name>
    <message>
        <source>Folder not found: %1</source>
        <translation>Ordner nicht gefunden: %1</translation>
    </message>
    <message>
        <source>Image not found: %1</source>
        <translation>Bild nicht gefunden: %1</translation>
    </message>
    <message>
        <source>No images in %1</source>
        <translation>Keine Bilder in %1</translation>
    </message>
    <message>
        <source>The saved labels could not be read (a backup was kept as labels.json.bak): %1</source>
        <translation>Die gespeicherten Labels konnten nicht gelesen werden (eine Sicherung liegt in labels.json.bak): %1</translation>
    </message>
    <message>
        <source>Labels could not be saved: %1 The labels are kept in this window; free some space or fix the folder, then retry.</source>
        <translation>Labels konnten nicht gespeichert werden: %1 Die Labels bleiben in diesem Fenster erhalten; schaffen Sie Platz oder beheben Sie das Problem mit dem Ordner, dann erneut versuchen.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>This image cannot be read.</source>
        <translation>Dieses Bild kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 cannot be segmented: the model reads it as %2×%3 pixels, the viewer as %4×%5 (an EXIF orientation or image format the two readers disagree on). Save it again as PNG to label it.</source>
        <translation>%1 kann nicht segmentiert werden: Das Modell liest es als %2×%3 Pixel, der Betrachter als %4×%5 (eine EXIF-Ausrichtung oder ein Bildformat, bei dem sich die beiden Leser uneinig sind). Speichern Sie es erneut als PNG, um es zu beschriften.</translation>
    </message>
    <message>
        <source>Segmentation failed: %1</source>
        <translation>Segmentierung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Changed the brush edits of %1 (not the image shown).</source>
        <translation>Pinseländerungen von %1 geändert (nicht das angezeigte Bild).</translation>
    </message>
    <message>
        <source>1 instance</source>
        <translation>1 Instanz</translation>
    </message>
    <message>
        <source>%1 instances</source>
        <translation>%1 Instanzen</translation>
    </message>
    <message>
        <source>Showing the saved annotation %1 (%2); press R to re-segment.</source>
        <translation>Gespeicherte Annotation %1 (%2) wird angezeigt; R segmentiert neu.</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Übersprungen: %1</translation>
    </message>
    <message>
        <source>Labels not in the label list are shown in grey: %1.</source>
        <translation>Labels, die nicht in der Label-Liste stehen, erscheinen grau: %1.</translation>
    </message>
    <message>
        <source>%1 The image is segmented as if it had no annotation; saving it keeps the old file as &lt;b&gt;%2.bak&lt;/b&gt;.</source>
        <translation>%1 Das Bild wird segmentiert, als hätte es keine Annotation; beim Speichern bleibt die alte Datei als &lt;b&gt;%2.bak&lt;/b&gt; erhalten.</translation>
    </message>
    <message>
        <source>Nothing to save: no image is open.</source>
        <translation>Nichts zu speichern: kein Bild ist geöffnet.</translation>
    </message>
    <message>
        <source>%1 is saved already (its saved annotation is shown).</source>
        <translation>%1 ist bereits gespeichert (die gespeicherte Annotation wird angezeigt).</translation>
    </message>
    <message>
        <source>%1 was not saved automatically: %2 not segmented yet.</source>
        <translation>%1 wurde nicht automatisch gespeichert: %2 noch nicht segmentiert.</translation>
    </message>
    <message>
        <source>%1 is not saved: %2 not segmented yet. Wait for the model, or hide the label.</source>
        <translation>%1 ist nicht gespeichert: %2 noch nicht segmentiert. Warten Sie auf das Modell oder blenden Sie das Label aus.</translation>
    </message>
    <message>
        <source>Saved automatically: %1 (%2).</source>
        <translation>Automatisch gespeichert: %1 (%2).</translation>
    </message>
    <message>
        <source>Saved %1 (%2).</source>
        <translation>%1 gespeichert (%2).</translation>
    </message>
    <message>
        <source>The old file could not be read and was kept as %1.</source>
        <translation>Die alte Datei war nicht lesbar und wurde als %1 aufbewahrt.</translation>
    </message>
    <message>
        <source>%1 could not be saved: %2 Your edits are kept in this window; free some space or fix the folder, then retry.</source>
        <translation>%1 konnte nicht gespeichert werden: %2 Ihre Änderungen bleiben in diesem Fenster erhalten; schaffen Sie Platz oder beheben Sie das Problem mit dem Ordner, dann erneut versuchen.</translation>
    </message>
    <message>
        <source>Re-segmenting: the saved file is kept until you save (Ctrl+S) or change something.</source>
        <translation>Neu segmentieren: die gespeicherte Datei bleibt, bis Sie speichern (Strg+S) oder etwas ändern.</translation>
    </message>
    <message>
        <source>No model loaded: open one with File → Open Model…</source>
        <translation>Kein Modell geladen: öffnen Sie eines mit Datei → Modell öffnen…</translation>
    </message>
    <message numerus="yes">
        <source>Unsaved brush edits from a session that did not end normally were found for %n image(s): %1.</source>
        <translation>
            <numerusform>Ungespeicherte Pinseländerungen aus einer nicht normal beendeten Sitzung wurden für %n Bild gefunden: %1.</numerusform>
            <numerusform>Ungespeicherte Pinseländerungen aus einer nicht normal beendeten Sitzung wurden für %n Bilder gefunden: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message numerus="yes">
        <source>Restored the unsaved brush edits of %n image(s).</source>
        <translation>
            <numerusform>Die ungespeicherten Pinseländerungen von %n Bild wurden wiederhergestellt.</numerusform>
            <numerusform>Die ungespeicherten Pinseländerungen von %n Bildern wurden wiederhergestellt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pm::ui::DatasetExporter</name>
    <message>
        <source>Nothing to export: no image of the folder has a saved annotation (save one with Ctrl+S).</source>
        <translation>Nichts zu exportieren: kein Bild des Ordners hat eine gespeicherte Annotation (speichern mit Strg+S).</translation>
    </message>
    <message>
        <source>Nothing to export: no saved annotation could be read.</source>
        <translation>Nichts zu exportieren: keine gespeicherte Annotation konnte gelesen werden.</translation>
    </message>
</context>
<context>
    <name>pm::ui::ErrorText</name>
    <message>
        <source>The model folder %1 does not exist.</source>
        <translation>Der Modellordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 is not a model bundle: a bundle is a folder with manifest.json and model.pt.</source>
        <translation>%1 ist kein Modellpaket: Ein Paket ist ein Ordner mit manifest.json und model.pt.</translation>
    </message>
    <message>
        <source>%1 is missing from the model bundle.</source>
        <translation>%1 fehlt im Modellpaket.</translation>
    </message>
    <message>
        <source>%1 is damaged or was changed: its size or checksum differs from manifest.json.</source>
        <translation>%1 ist beschädigt oder wurde verändert: Größe oder Prüfsumme weichen von manifest.json ab.</translation>
    </message>
    <message>
        <source>This model bundle cannot be used: %1</source>
        <translation>Dieses Modellpaket ist nicht verwendbar: %1</translation>
    </message>
</context>
<context>
    <name>pm::ui::ExportDialog</name>
    <message>
        <source>&amp;COCO instance segmentation (one JSON file)</source>
        <translation>&amp;COCO-Instanzsegmentierung (eine JSON-Datei)</translation>
    </message>
    <message>
        <source>&amp;PNG masks (folder: label-index PNG per image, binary mask per label)</source>
        <translation>&amp;PNG-Masken (Ordner: Label-Index-PNG je Bild, Binärmaske je Label)</translation>
    </message>
    <message>
        <source>&amp;labelme (folder: one JSON file per image)</source>
        <translation>&amp;labelme (Ordner: eine JSON-Datei je Bild)</translation>
    </message>
    <message>
        <source>Embed the &amp;images in the JSON files (imageData)</source>
        <translation>B&amp;ilder in die JSON-Dateien einbetten (imageData)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Export Dataset</source>
        <translation>Datensatz exportieren</translation>
    </message>
    <message>
        <source>All %1 images of &lt;b&gt;%2&lt;/b&gt; have a saved annotation.</source>
        <translation>Alle %1 Bilder von &lt;b&gt;%2&lt;/b&gt; haben eine gespeicherte Annotation.</translation>
    </message>
    <message>
        <source>%1 of %2 images of &lt;b&gt;%3&lt;/b&gt; have a saved annotation; only those are exported. Save an image with &lt;i&gt;Ctrl+S&lt;/i&gt; or &lt;i&gt;Ctrl+Enter&lt;/i&gt;.</source>
        <translation>%1 von %2 Bildern von &lt;b&gt;%3&lt;/b&gt; haben eine gespeicherte Annotation; nur diese werden exportiert. Ein Bild speichern Sie mit &lt;i&gt;Strg+S&lt;/i&gt; oder &lt;i&gt;Strg+Eingabe&lt;/i&gt;.</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Save &amp;to:</source>
        <translation>Speichern &amp;unter:</translation>
    </message>
    <message>
        <source>Polygons, RLE for masks with holes</source>
        <translation>Polygone, RLE für Masken mit Löchern</translation>
    </message>
    <message>
        <source>Polygons</source>
        <translation>Polygone</translation>
    </message>
    <message>
        <source>RLE (exact masks)</source>
        <translation>RLE (exakte Masken)</translation>
    </message>
    <message>
        <source>&amp;Masks as:</source>
        <translation>&amp;Masken als:</translation>
    </message>
    <message>
        <source>Export COCO File</source>
        <translation>COCO-Datei exportieren</translation>
    </message>
    <message>
        <source>Export to Folder</source>
        <translation>In Ordner exportieren</translation>
    </message>
    <message>
        <source>Choose where to save the export.</source>
        <translation>Wählen Sie, wohin exportiert werden soll.</translation>
    </message>
    <message>
        <source>Choose a folder outside the dataset folder.</source>
        <translation>Wählen Sie einen Ordner außerhalb des Datensatzordners.</translation>
    </message>
    <message>
        <source>COCO is one file: choose a file name, not a folder.</source>
        <translation>COCO ist eine Datei: wählen Sie einen Dateinamen, keinen Ordner.</translation>
    </message>
    <message>
        <source>&amp;Simplify outlines: far fewer vertices on big shapes, about 1 % IoU</source>
        <translation>Umrisse &amp;vereinfachen: weit weniger Eckpunkte bei großen Formen, etwa 1 % IoU</translation>
    </message>
    <message>
        <source>Polygons follow the pixel staircase of a mask by default (a round shape of 200 px gets ~290 vertices). Simplified, each outline may deviate by 1 % of its width: a circle keeps ~30 vertices, a rectangle its 4 corners.</source>
        <translation>Polygone folgen standardmäßig der Pixeltreppe einer Maske (eine runde Form von 200 px erhält ~290 Eckpunkte). Vereinfacht darf jeder Umriss um 1 % seiner Breite abweichen: ein Kreis behält ~30 Eckpunkte, ein Rechteck seine 4 Ecken.</translation>
    </message>
</context>
<context>
    <name>pm::ui::ImageDock</name>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Include subfolders</source>
        <translation>Unterordner einbeziehen</translation>
    </message>
    <message>
        <source>Filter by name…</source>
        <translation>Nach Name filtern…</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Bearbeitet</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n Bild</numerusform>
            <numerusform>%n Bilder</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
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
        <translation>Neues Label</translation>
    </message>
    <message>
        <source>Make this candidate a new label (Ctrl+Z takes it back)</source>
        <translation>Diesen Kandidaten zu einem neuen Label machen (Strg+Z nimmt es zurück)</translation>
    </message>
    <message>
        <source>Add to…</source>
        <translation>Hinzufügen zu…</translation>
    </message>
    <message>
        <source>Add this candidate to an existing label</source>
        <translation>Diesen Kandidaten zu einem vorhandenen Label hinzufügen</translation>
    </message>
    <message>
        <source>Remove this candidate</source>
        <translation>Diesen Kandidaten entfernen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>decoding…</source>
        <translation>wird berechnet…</translation>
    </message>
    <message>
        <source>%1 % · %2 ms</source>
        <translation>%1 % · %2 ms</translation>
    </message>
    <message>
        <source>Mask area at the lab threshold · time of the prompt encoding and decode</source>
        <translation>Maskenfläche beim Schwellenwert des Labors · Zeit für Prompt-Kodierung und Dekodierung</translation>
    </message>
</context>
<context>
    <name>pm::ui::LabelDefinition</name>
    <message>
        <source>label %1</source>
        <translation>Label %1</translation>
    </message>
</context>
<context>
    <name>pm::ui::LabelListModel</name>
    <message>
        <source>  (hidden)</source>
        <translation>  (ausgeblendet)</translation>
    </message>
    <message>
        <source>Prompts: %1</source>
        <translation>Prompts: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n visual exemplar(s)</source>
        <translation>
            <numerusform>%n visuelles Beispiel</numerusform>
            <numerusform>%n visuelle Beispiele</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pm::ui::LabelsDock</name>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Add a label</source>
        <translation>Label hinzufügen</translation>
    </message>
    <message>
        <source>Remove the selected label</source>
        <translation>Ausgewähltes Label entfernen</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Selected label</source>
        <translation>Ausgewähltes Label</translation>
    </message>
    <message>
        <source>Visible</source>
        <translation>Sichtbar</translation>
    </message>
    <message>
        <source>Remove the selected visual prompt</source>
        <translation>Ausgewählten visuellen Prompt entfernen</translation>
    </message>
    <message>
        <source>What to find, e.g. &quot;a glass&quot; (; separates prompts)</source>
        <translation>Was gefunden werden soll, z. B. „ein Glas“ (; trennt Prompts)</translation>
    </message>
    <message>
        <source>Label colour</source>
        <translation>Labelfarbe</translation>
    </message>
    <message>
        <source>Visual prompts: draw a box on any image with the box tool (B)</source>
        <translation>Visuelle Prompts: mit dem Rahmenwerkzeug (B) auf einem beliebigen Bild einen Rahmen ziehen</translation>
    </message>
    <message>
        <source>Crop, blur, highlight (paper default)</source>
        <translation>Ausschneiden, weichzeichnen, hervorheben (Standard laut Paper)</translation>
    </message>
    <message>
        <source>Crop only</source>
        <translation>Nur ausschneiden</translation>
    </message>
    <message>
        <source>Whole image</source>
        <translation>Ganzes Bild</translation>
    </message>
    <message>
        <source>How a drawn box becomes a visual prompt</source>
        <translation>Wie ein gezogener Rahmen zum visuellen Prompt wird</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwellwert</translation>
    </message>
    <message>
        <source>Visual</source>
        <translation>Visuell</translation>
    </message>
    <message>
        <source>Box mode</source>
        <translation>Box-Modus</translation>
    </message>
    <message>
        <source>No labels yet.

Press T and type what to find, e.g. &quot;red circle&quot; — or click + to add a label.</source>
        <translation>Noch keine Labels.

Drücken Sie T und tippen Sie, was gefunden werden soll, z. B. &quot;red circle&quot; — oder klicken Sie auf +, um ein Label hinzuzufügen.</translation>
    </message>
</context>
<context>
    <name>pm::ui::LanguageMenu</name>
    <message>
        <source>The language changes when PromptMask starts next time.</source>
        <translation>Die Sprache wechselt beim nächsten Start von PromptMask.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System Language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
</context>
<context>
    <name>pm::ui::MainWindow</name>
    <message>
        <source>Open an image (Ctrl+O) or a folder (Ctrl+Shift+O).
Then press T and type what to find, e.g. &quot;a glass&quot;, or draw a box around one example with the box tool (B).</source>
        <translation>Ein Bild (Strg+O) oder einen Ordner (Strg+Umschalt+O) öffnen.
Dann T drücken und eingeben, was gefunden werden soll, z. B. „ein Glas“, oder mit dem Rahmenwerkzeug (B) einen Rahmen um ein Beispiel ziehen.</translation>
    </message>
    <message>
        <source>Loading model…</source>
        <translation>Modell wird geladen…</translation>
    </message>
    <message>
        <source>Loading model %1…</source>
        <translation>Modell %1 wird geladen…</translation>
    </message>
    <message>
        <source>Model loaded: %1</source>
        <translation>Modell geladen: %1</translation>
    </message>
    <message>
        <source>Segmenting…</source>
        <translation>Segmentiere…</translation>
    </message>
    <message>
        <source>Loading model &lt;b&gt;%1&lt;/b&gt;…</source>
        <translation>Modell &lt;b&gt;%1&lt;/b&gt; wird geladen…</translation>
    </message>
    <message>
        <source>&lt;b&gt;The model could not be loaded.&lt;/b&gt; %1&lt;br&gt;</source>
        <translation>&lt;b&gt;Das Modell konnte nicht geladen werden.&lt;/b&gt; %1&lt;br&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;No model loaded&lt;/b&gt; — here is how to get one: open a model bundle (a folder with &lt;code&gt;manifest.json&lt;/code&gt; and &lt;code&gt;model.pt&lt;/code&gt;) with &lt;i&gt;File → Open Model…&lt;/i&gt;. Export CLIPSeg from Hugging Face with &lt;code&gt;packaging/models/export_clipseg.py&lt;/code&gt;, or use the demo model &lt;code&gt;resources/models/demo-shapes&lt;/code&gt;. &lt;a href=&quot;guide&quot;&gt;Read the user guide&lt;/a&gt;.</source>
        <translation>&lt;b&gt;Kein Modell geladen&lt;/b&gt; — so bekommen Sie eins: Öffnen Sie ein Modell-Bundle (einen Ordner mit &lt;code&gt;manifest.json&lt;/code&gt; und &lt;code&gt;model.pt&lt;/code&gt;) über &lt;i&gt;Datei → Modell öffnen…&lt;/i&gt;. Exportieren Sie CLIPSeg von Hugging Face mit &lt;code&gt;packaging/models/export_clipseg.py&lt;/code&gt; oder verwenden Sie das Demo-Modell &lt;code&gt;resources/models/demo-shapes&lt;/code&gt;. &lt;a href=&quot;guide&quot;&gt;Zum Benutzerhandbuch&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>Open Model…</source>
        <translation>Modell öffnen…</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>Kein Modell</translation>
    </message>
    <message>
        <source>No model loaded.
Open a model bundle with File → Open Model… (Ctrl+M); you can still browse images and set up labels.</source>
        <translation>Kein Modell geladen.
Ein Modellpaket über Datei → Modell öffnen… (Strg+M) öffnen; Bilder ansehen und Labels anlegen geht auch ohne.</translation>
    </message>
    <message>
        <source>no model</source>
        <translation>kein Modell</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Image…</source>
        <translation>B&amp;ild öffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>&amp;Ordner öffnen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Open &amp;Model…</source>
        <translation>&amp;Modell öffnen…</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>Use &amp;Demo Model</source>
        <translation>&amp;Demo-Modell verwenden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Type a Prompt</source>
        <translation>Prompt &amp;eingeben</translation>
    </message>
    <message>
        <source>&amp;Add Label</source>
        <translation>Label &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Remo&amp;ve Label</source>
        <translation>Label ent&amp;fernen</translation>
    </message>
    <message>
        <source>&amp;Box Tool (Visual Prompt)</source>
        <translation>&amp;Box-Werkzeug (visueller Prompt)</translation>
    </message>
    <message>
        <source>Draw a box around one example: its crop becomes a visual prompt</source>
        <translation>Einen Rahmen um ein Beispiel ziehen: sein Ausschnitt wird zum visuellen Prompt</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <source>&amp;Actual Size (1:1)</source>
        <translation>O&amp;riginalgröße (1:1)</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>Probability &amp;Heat Map</source>
        <translation>Wahrscheinlichkeits-&amp;Heatmap</translation>
    </message>
    <message>
        <source>Over&amp;lapping Labels</source>
        <translation>Über&amp;lappende Labels</translation>
    </message>
    <message>
        <source>&amp;Exclusive (highest probability wins)</source>
        <translation>&amp;Exklusiv (höchste Wahrscheinlichkeit gewinnt)</translation>
    </message>
    <message>
        <source>&amp;Overlapping (independent masks)</source>
        <translation>Über&amp;lappend (unabhängige Masken)</translation>
    </message>
    <message>
        <source>&amp;Image</source>
        <translation>B&amp;ild</translation>
    </message>
    <message>
        <source>&amp;Next Image</source>
        <translation>&amp;Nächstes Bild</translation>
    </message>
    <message>
        <source>&amp;Previous Image</source>
        <translation>&amp;Vorheriges Bild</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>&amp;Auto-Segment on Open</source>
        <translation>Beim Öffnen &amp;automatisch segmentieren</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <source>&amp;About PromptMask</source>
        <translation>&amp;Über PromptMask</translation>
    </message>
    <message>
        <source>About PromptMask</source>
        <translation>Über PromptMask</translation>
    </message>
    <message>
        <source>&lt;h3&gt;PromptMask %1&lt;/h3&gt;&lt;p&gt;Label images by saying what you want: type a prompt or draw a box around one example, and CLIPSeg paints the mask.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;PromptMask %1&lt;/h3&gt;&lt;p&gt;Bilder beschriften, indem man sagt, was man will: Prompt eingeben oder einen Rahmen um ein Beispiel ziehen, und CLIPSeg malt die Maske.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open Model Bundle</source>
        <translation>Modell-Bundle öffnen</translation>
    </message>
    <message>
        <source>Open Image</source>
        <translation>Bild öffnen</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>Bilder (%1)</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>User Guide</source>
        <translation>Benutzerhandbuch</translation>
    </message>
    <message>
        <source>The user guide is docs/USER_GUIDE.md in the sources.</source>
        <translation>Das Benutzerhandbuch ist docs/USER_GUIDE.md in den Quellen.</translation>
    </message>
    <message>
        <source>&amp;Save Annotation</source>
        <translation>Annotation &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Export Dataset…</source>
        <translation>Datensatz &amp;exportieren…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Re-segment</source>
        <translation>Neu &amp;segmentieren</translation>
    </message>
    <message>
        <source>Run the model on this image, also when it shows a saved annotation</source>
        <translation>Das Modell auf dieses Bild anwenden, auch wenn es eine gespeicherte Annotation zeigt</translation>
    </message>
    <message>
        <source>Save, Mark &amp;Done and Go On</source>
        <translation>Speichern, als &amp;fertig markieren und weiter</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Leaving an image whose masks you changed (status edited) saves them</source>
        <translation>Beim Verlassen eines Bildes, dessen Masken Sie geändert haben (Status bearbeitet), werden sie gespeichert</translation>
    </message>
    <message>
        <source>One &amp;Instance per Label</source>
        <translation>Eine &amp;Instanz je Label</translation>
    </message>
    <message>
        <source>Save each label&apos;s mask as one instance instead of one per connected part</source>
        <translation>Die Maske jedes Labels als eine Instanz speichern statt einer je zusammenhängendem Teil</translation>
    </message>
    <message>
        <source>&amp;Minimum Area…</source>
        <translation>&amp;Mindestfläche…</translation>
    </message>
    <message>
        <source>1 image</source>
        <translation>1 Bild</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>%1 Bilder</translation>
    </message>
    <message>
        <source>1 annotation</source>
        <translation>1 Annotation</translation>
    </message>
    <message>
        <source>%1 annotations</source>
        <translation>%1 Annotationen</translation>
    </message>
    <message>
        <source>Minimum Area</source>
        <translation>Mindestfläche</translation>
    </message>
    <message>
        <source>Parts of a mask (and holes) smaller than this many pixels are left out of saved annotations:</source>
        <translation>Teile einer Maske (und Löcher) mit weniger Pixeln als diesen werden in gespeicherten Annotationen weggelassen:</translation>
    </message>
    <message>
        <source>Open a folder first (Ctrl+Shift+O).</source>
        <translation>Öffnen Sie zuerst einen Ordner (Strg+Umschalt+O).</translation>
    </message>
    <message>
        <source>An export is running already.</source>
        <translation>Ein Export läuft bereits.</translation>
    </message>
    <message>
        <source>Exporting %1 as %2…</source>
        <translation>%1 wird als %2 exportiert…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export Dataset</source>
        <translation>Datensatz exportieren</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportiere…</translation>
    </message>
    <message>
        <source>The export was cancelled. Files written so far are complete (a COCO file is only written at the end).</source>
        <translation>Der Export wurde abgebrochen. Bereits geschriebene Dateien sind vollständig (eine COCO-Datei wird erst am Ende geschrieben).</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>Der Export ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Exported %1 with %2 to %3.</source>
        <translation>%1 mit %2 nach %3 exportiert.</translation>
    </message>
    <message>
        <source>Left out (no saved annotation): %1.</source>
        <translation>Ausgelassen (keine gespeicherte Annotation): %1.</translation>
    </message>
    <message>
        <source>Errors: %1 (see details); everything else was exported.</source>
        <translation>Fehler: %1 (siehe Details); alles andere wurde exportiert.</translation>
    </message>
    <message>
        <source>Warnings: %1.</source>
        <translation>Warnungen: %1.</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Unsaved Brush Edits</source>
        <translation>Ungespeicherte Pinseländerungen</translation>
    </message>
    <message numerus="yes">
        <source>Brush or eraser edits on %n image(s) are not saved: %1.

Quit and discard them?</source>
        <translation>
            <numerusform>Pinsel- oder Radierer-Änderungen an %n Bild sind nicht gespeichert: %1.

Beenden und verwerfen?</numerusform>
            <numerusform>Pinsel- oder Radierer-Änderungen an %n Bildern sind nicht gespeichert: %1.

Beenden und verwerfen?</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Paint Brush</source>
        <translation>&amp;Pinsel</translation>
    </message>
    <message>
        <source>Paint pixels into the selected label&apos;s mask</source>
        <translation>Pixel in die Maske des gewählten Labels malen</translation>
    </message>
    <message>
        <source>&amp;Eraser</source>
        <translation>R&amp;adierer</translation>
    </message>
    <message>
        <source>Erase pixels from the selected label&apos;s mask</source>
        <translation>Pixel aus der Maske des gewählten Labels radieren</translation>
    </message>
    <message>
        <source>&amp;Larger Brush</source>
        <translation>&amp;Größerer Pinsel</translation>
    </message>
    <message>
        <source>&amp;Smaller Brush</source>
        <translation>&amp;Kleinerer Pinsel</translation>
    </message>
    <message>
        <source>Brush: %1 px wide</source>
        <translation>Pinsel: %1 px breit</translation>
    </message>
    <message>
        <source>&amp;Clear Brush Edits</source>
        <translation>Pinseländerungen ver&amp;werfen</translation>
    </message>
    <message>
        <source>Shift+E</source>
        <translation>Shift+E</translation>
    </message>
    <message>
        <source>Remove every brush and eraser stroke of this image (undoable)</source>
        <translation>Alle Pinsel- und Radiererstriche dieses Bildes entfernen (rückgängig machbar)</translation>
    </message>
    <message>
        <source>a new label</source>
        <translation>ein neues Label</translation>
    </message>
    <message>
        <source>Brush: drag to paint into %1 ([ ] size, E eraser, P again to stop).</source>
        <translation>Pinsel: ziehen, um in %1 zu malen ([ ] Größe, E Radierer, P erneut zum Beenden).</translation>
    </message>
    <message>
        <source>Eraser: drag to erase from %1 ([ ] size, P brush, E again to stop).</source>
        <translation>Radierer: ziehen, um aus %1 zu radieren ([ ] Größe, P Pinsel, E erneut zum Beenden).</translation>
    </message>
    <message>
        <source>Pol&amp;ygon Fill</source>
        <translation>Pol&amp;ygon füllen</translation>
    </message>
    <message>
        <source>Click corners around a region to add it to the selected label&apos;s mask (Shift when closing: cut it out)</source>
        <translation>Ecken um einen Bereich klicken, um ihn zur Maske des ausgewählten Labels hinzuzufügen (Umschalt beim Schließen: ausschneiden)</translation>
    </message>
    <message>
        <source>Polygon: click corners (or drag) around what belongs to %1; double-click or Enter fills it, Shift cuts it out, Backspace undoes a corner, Esc drops it.</source>
        <translation>Polygon: Ecken um das klicken (oder ziehen), was zu %1 gehört; Doppelklick oder Eingabe füllt es, Umschalt schneidet es aus, Rücktaste nimmt eine Ecke zurück, Esc verwirft es.</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Ctrl+/</source>
        <translation>Ctrl+/</translation>
    </message>
    <message>
        <source>&amp;Fill Holes</source>
        <translation>Löcher f&amp;üllen</translation>
    </message>
    <message>
        <source>Click inside a hole of the selected label to fill it; Shift+click a part to remove it</source>
        <translation>In ein Loch des ausgewählten Labels klicken, um es zu füllen; Umschalt+Klick auf einen Teil entfernt ihn</translation>
    </message>
    <message>
        <source>Fill: click inside a hole of %1 to fill it; Shift+click a part of it to remove that part.</source>
        <translation>Füllen: in ein Loch von %1 klicken, um es zu füllen; Umschalt+Klick auf einen Teil davon entfernt diesen Teil.</translation>
    </message>
    <message>
        <source>Show O&amp;verlay</source>
        <translation>&amp;Overlay anzeigen</translation>
    </message>
    <message>
        <source>Save A&amp;utomatically When Leaving an Image</source>
        <translation>Beim Verlassen eines Bildes automatisch s&amp;peichern</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>Su&amp;ggest Threshold…</source>
        <translation>Schwellenwert &amp;vorschlagen…</translation>
    </message>
    <message>
        <source>Auto-&amp;Label Dataset…</source>
        <translation>Datensatz automatisch &amp;beschriften…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>Label all images, the selected ones or the unannotated ones with the current labels, in the background</source>
        <translation>Alle, die ausgewählten oder die nicht annotierten Bilder im Hintergrund mit den aktuellen Labels beschriften</translation>
    </message>
</context>
<context>
    <name>pm::ui::NoticeBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>pm::ui::PromptLabDock</name>
    <message>
        <source>Prompt Lab</source>
        <translation>Prompt-Labor</translation>
    </message>
    <message>
        <source>&amp;Prompt Lab</source>
        <translation>&amp;Prompt-Labor</translation>
    </message>
    <message>
        <source>This image</source>
        <translation>Dieses Bild</translation>
    </message>
    <message>
        <source>Across images</source>
        <translation>Über mehrere Bilder</translation>
    </message>
    <message>
        <source>Type a candidate prompt, then Enter (e.g. &quot;a red ellipse&quot;)</source>
        <translation>Kandidaten-Prompt eingeben, dann Enter (z. B. „a red ellipse“)</translation>
    </message>
    <message>
        <source>Threshold for the mask areas of all candidates</source>
        <translation>Schwellenwert für die Maskenflächen aller Kandidaten</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwellenwert</translation>
    </message>
    <message>
        <source>Run on the next images</source>
        <translation>Auf die nächsten Bilder anwenden</translation>
    </message>
    <message>
        <source>Runs every candidate over the next images of the folder, in the background.</source>
        <translation>Wendet jeden Kandidaten im Hintergrund auf die nächsten Bilder des Ordners an.</translation>
    </message>
    <message>
        <source>Images after this one:</source>
        <translation>Bilder nach diesem:</translation>
    </message>
    <message>
        <source>No candidates yet: type one above and press Enter.</source>
        <translation>Noch keine Kandidaten: oben einen eingeben und Enter drücken.</translation>
    </message>
    <message numerus="yes">
        <source>%n candidate(s) on %1, decoding %2…</source>
        <translation>
            <numerusform>%n Kandidat auf %1, %2 wird berechnet…</numerusform>
            <numerusform>%n Kandidaten auf %1, %2 werden berechnet…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n candidate(s) on %1, %2 shown</source>
        <translation>
            <numerusform>%n Kandidat auf %1, %2 angezeigt</numerusform>
            <numerusform>%n Kandidaten auf %1, %2 angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>No labels yet</source>
        <translation>Noch keine Labels</translation>
    </message>
    <message>
        <source>As a prompt (either one finds it)</source>
        <translation>Als Prompt (jeder findet es)</translation>
    </message>
    <message>
        <source>Add candidates first.</source>
        <translation>Zuerst Kandidaten hinzufügen.</translation>
    </message>
    <message>
        <source>There are no images after this one.</source>
        <translation>Nach diesem Bild gibt es keine weiteren.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Running: %1 of %2 images</source>
        <translation>Läuft: %1 von %2 Bildern</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 images</source>
        <translation>Abgebrochen nach %1 von %2 Bildern</translation>
    </message>
    <message>
        <source>Done: %1 images</source>
        <translation>Fertig: %1 Bilder</translation>
    </message>
    <message>
        <source>Into its ensemble (averaged)</source>
        <translation>In sein Ensemble (gemittelt)</translation>
    </message>
    <message>
        <source>As a negative (not this)</source>
        <translation>Als Negativ (nicht dies)</translation>
    </message>
</context>
<context>
    <name>pm::ui::SegmentationWorker</name>
    <message>
        <source>Unexpected error: %1</source>
        <translation>Unerwarteter Fehler: %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: no model could be opened</source>
        <translation>„%1“: kein Modell konnte geöffnet werden</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>Kein Modell geladen</translation>
    </message>
    <message>
        <source>the visual prompt drawn on %1 was left out: %2</source>
        <translation>der auf %1 gezogene visuelle Prompt wurde ausgelassen: %2</translation>
    </message>
    <message>
        <source>nothing to segment</source>
        <translation>nichts zu segmentieren</translation>
    </message>
</context>
<context>
    <name>pm::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Select label 1 to 9</source>
        <translation>Label 1 bis 9 auswählen</translation>
    </message>
    <message>
        <source>Mouse wheel</source>
        <translation>Mausrad</translation>
    </message>
    <message>
        <source>Zoom around the cursor</source>
        <translation>Um den Mauszeiger zoomen</translation>
    </message>
    <message>
        <source>Space + drag, middle drag</source>
        <translation>Leertaste + Ziehen, Ziehen mit mittlerer Taste</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Enter, double-click</source>
        <translation>Eingabe, Doppelklick</translation>
    </message>
    <message>
        <source>Polygon: fill it (with Shift: cut it out)</source>
        <translation>Polygon: füllen (mit Umschalt: ausschneiden)</translation>
    </message>
    <message>
        <source>Backspace</source>
        <translation>Rücktaste</translation>
    </message>
    <message>
        <source>Polygon: take the last corner back</source>
        <translation>Polygon: letzte Ecke zurücknehmen</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Drop the box, stroke or polygon being drawn</source>
        <translation>Rahmen, Strich oder Polygon im Zeichnen verwerfen</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Taste</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
</context>
<context>
    <name>pm::ui::StatusBarWidget</name>
    <message>
        <source>Last request: image encoding / prompt encoding / decoding</source>
        <translation>Letzte Anfrage: Bildkodierung / Prompt-Kodierung / Dekodierung</translation>
    </message>
    <message>
        <source>Cached image encodings and prompt embeddings</source>
        <translation>Zwischengespeicherte Bildkodierungen und Prompt-Embeddings</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n thread(s)</source>
        <translation>
            <numerusform>%n Thread</numerusform>
            <numerusform>%n Threads</numerusform>
        </translation>
    </message>
    <message>
        <source>cached</source>
        <translation>zwischengespeichert</translation>
    </message>
    <message>
        <source>encode %1 · prompts %2 ms · decode %3 ms</source>
        <translation>Kodieren %1 · Prompts %2 ms · Dekodieren %3 ms</translation>
    </message>
    <message numerus="yes">
        <source>cache: %n image(s)</source>
        <translation>
            <numerusform>Cache: %n Bild</numerusform>
            <numerusform>Cache: %n Bilder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n prompt(s)</source>
        <translation>
            <numerusform>, %n Prompt</numerusform>
            <numerusform>, %n Prompts</numerusform>
        </translation>
    </message>
    <message>
        <source>, %1% hits</source>
        <translation>, %1 % Treffer</translation>
    </message>
</context>
<context>
    <name>pm::ui::ThresholdDialog</name>
    <message>
        <source>Threshold for &quot;%1&quot;</source>
        <translation>Schwellenwert für „%1“</translation>
    </message>
    <message>
        <source>Current threshold:</source>
        <translation>Aktueller Schwellenwert:</translation>
    </message>
    <message>
        <source>Otsu&apos;s guess on this image:</source>
        <translation>Otsu-Schätzung auf diesem Bild:</translation>
    </message>
    <message>
        <source>segment this image first</source>
        <translation>erst dieses Bild segmentieren</translation>
    </message>
    <message>
        <source>Use Otsu&apos;s Guess</source>
        <translation>Otsu-Schätzung verwenden</translation>
    </message>
    <message>
        <source>Learned from your saved images:</source>
        <translation>Aus Ihren gespeicherten Bildern gelernt:</translation>
    </message>
    <message numerus="yes">
        <source>%1 (mean IoU %2 over %n saved image(s))</source>
        <translation>
            <numerusform>%1 (mittlere IoU %2 über %n gespeichertes Bild)</numerusform>
            <numerusform>%1 (mittlere IoU %2 über %n gespeicherte Bilder)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>save %n more image(s) containing this label</source>
        <translation>
            <numerusform>noch %n Bild mit diesem Label speichern</numerusform>
            <numerusform>noch %n Bilder mit diesem Label speichern</numerusform>
        </translation>
    </message>
    <message>
        <source>Use Learned Threshold</source>
        <translation>Gelernten Schwellenwert verwenden</translation>
    </message>
    <message>
        <source>Mean IoU with your saved masks at each threshold (dashed: current, dotted: Otsu)</source>
        <translation>Mittlere IoU mit Ihren gespeicherten Masken je Schwellenwert (gestrichelt: aktuell, gepunktet: Otsu)</translation>
    </message>
</context>
</TS>
