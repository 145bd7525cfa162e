<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
<context>
    <name>EditLabelCommand</name>
    <message>
        <source>Rename label to "%1"</source>
        <translation>Label in „%1“ umbenennen</translation>
    </message>
    <message>
        <source>Change colour of "%1"</source>
        <translation>Farbe von „%1“ ändern</translation>
    </message>
    <message>
        <source>Change prompts of "%1"</source>
        <translation>Prompts von „%1“ ändern</translation>
    </message>
    <message>
        <source>Change visual prompts of "%1"</source>
        <translation>Visuelle Prompts von „%1“ ändern</translation>
    </message>
    <message>
        <source>Set threshold of "%1" to %2</source>
        <translation>Schwellwert von „%1“ auf %2 setzen</translation>
    </message>
    <message>
        <source>Show "%1"</source>
        <translation>„%1“ anzeigen</translation>
    </message>
    <message>
        <source>Hide "%1"</source>
        <translation>„%1“ ausblenden</translation>
    </message>
    <message>
        <source>Edit "%1"</source>
        <translation>„%1“ bearbeiten</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Label images by saying what you want: type a prompt or draw a box, get the mask.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Model bundle folder (default: the configured model, else the demo model).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>BUNDLE</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An image or a folder of images to open.</source>
        <translation type="unfinished" />
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
        <translation type="unfinished">
            <numerusform />
            <numerusform />
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
        <translation type="unfinished" />
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
        <translation type="unfinished">
            <numerusform />
            <numerusform />
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
        <translation type="unfinished" />
    </message>
    <message>
        <source>What to find, e.g. "a glass" (; separates prompts)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Label colour</source>
        <translation>Labelfarbe</translation>
    </message>
    <message>
        <source>Visual prompts: draw a box on any image with the box tool (B)</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
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
        <source>Add label "%1"</source>
        <translation>Label „%1“ hinzufügen</translation>
    </message>
    <message>
        <source>Remove label "%1"</source>
        <translation>Label „%1“ entfernen</translation>
    </message>
    <message>
        <source>Reorder labels</source>
        <translation>Labels neu ordnen</translation>
    </message>
</context>
<context>
    <name>pm::ui::MainWindow</name>
    <message>
        <source>Open an image (Ctrl+O) or a folder (Ctrl+Shift+O).
Then press T and type what to find, e.g. "a glass", or draw a box around one example with the box tool (B).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading model…</source>
        <translation>Modell wird geladen…</translation>
    </message>
    <message>
        <source>Loading model %1…</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;b&gt;The model could not be loaded.&lt;/b&gt; %1&lt;br&gt;</source>
        <translation>&lt;b&gt;Das Modell konnte nicht geladen werden.&lt;/b&gt; %1&lt;br&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;No model loaded&lt;/b&gt; — here is how to get one: open a model bundle (a folder with &lt;code&gt;manifest.json&lt;/code&gt; and &lt;code&gt;model.pt&lt;/code&gt;) with &lt;i&gt;File → Open Model…&lt;/i&gt;. Export CLIPSeg from Hugging Face with &lt;code&gt;packaging/models/export_clipseg.py&lt;/code&gt;, or use the demo model &lt;code&gt;resources/models/demo-shapes&lt;/code&gt;. &lt;a href="guide"&gt;Read the user guide&lt;/a&gt;.</source>
        <translation>&lt;b&gt;Kein Modell geladen&lt;/b&gt; — so bekommen Sie eins: Öffnen Sie ein Modell-Bundle (einen Ordner mit &lt;code&gt;manifest.json&lt;/code&gt; und &lt;code&gt;model.pt&lt;/code&gt;) über &lt;i&gt;Datei → Modell öffnen…&lt;/i&gt;. Exportieren Sie CLIPSeg von Hugging Face mit &lt;code&gt;packaging/models/export_clipseg.py&lt;/code&gt; oder verwenden Sie das Demo-Modell &lt;code&gt;resources/models/demo-shapes&lt;/code&gt;. &lt;a href="guide"&gt;Zum Benutzerhandbuch&lt;/a&gt;.</translation>
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
        <translation type="unfinished" />
    </message>
    <message>
        <source>Folder not found: %1</source>
        <translation>Ordner nicht gefunden: %1</translation>
    </message>
    <message>
        <source>No images in %1</source>
        <translation>Keine Bilder in %1</translation>
    </message>
    <message>
        <source>Image not found: %1</source>
        <translation>Bild nicht gefunden: %1</translation>
    </message>
    <message>
        <source>The saved labels could not be read (a backup was kept as labels.json.bak): %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Labels could not be saved: %1</source>
        <translation>Labels konnten nicht gespeichert werden: %1</translation>
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
        <source>Segmentation failed: %1</source>
        <translation>Segmentierung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>no model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Image…</source>
        <translation>&amp;Bild öffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>&amp;Ordner öffnen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use &amp;Demo Model</source>
        <translation>&amp;Demo-Modell verwenden</translation>
    </message>
    <message>
        <source>&amp;Save Labels</source>
        <translation>Labels &amp;speichern</translation>
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
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Remove Label</source>
        <translation>Label &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;Box Tool (Visual Prompt)</source>
        <translation>&amp;Box-Werkzeug (visueller Prompt)</translation>
    </message>
    <message>
        <source>Draw a box around one example: its crop becomes a visual prompt</source>
        <translation type="unfinished" />
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
        <translation>&amp;Originalgröße (1:1)</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show &amp;Overlay</source>
        <translation>&amp;Overlay anzeigen</translation>
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
        <translation>&amp;Bild</translation>
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
        <source>&amp;Segment Now</source>
        <translation>Jetzt &amp;segmentieren</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mark &amp;Done and Go On</source>
        <translation>Als &amp;fertig markieren und weiter</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation type="unfinished" />
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
        <translation>Ü&amp;ber PromptMask</translation>
    </message>
    <message>
        <source>About PromptMask</source>
        <translation>Über PromptMask</translation>
    </message>
    <message>
        <source>&lt;h3&gt;PromptMask %1&lt;/h3&gt;&lt;p&gt;Label images by saying what you want: type a prompt or draw a box around one example, and CLIPSeg paints the mask.&lt;/p&gt;</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
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
        <translation type="unfinished" />
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
    <name>pm::ui::SegmentationWorker</name>
    <message>
        <source>Unexpected error: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>'%1': no model could be opened</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No model loaded</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>pm::ui::StatusBarWidget</name>
    <message>
        <source>Last request: image encoding / prompt encoding / decoding</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cached image encodings and prompt embeddings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n thread(s)</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
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
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n prompt(s)</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <source>, %1% hits</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>