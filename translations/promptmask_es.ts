<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AnnotationFile</name>
    <message>
        <source>%1 is not a readable labelme file: %2</source>
        <translation>%1 no es un archivo labelme legible: %2</translation>
    </message>
    <message>
        <source>%1 belongs to %2, not to %3 (two images share a name; rename one of them to annotate both)</source>
        <translation>%1 pertenece a %2, no a %3 (dos imágenes tienen el mismo nombre; cambia el nombre de una para anotar ambas)</translation>
    </message>
    <message>
        <source>%1 was made for a %2×%3 image, but %4 is %5×%6</source>
        <translation>%1 se creó para una imagen de %2×%3, pero %4 mide %5×%6</translation>
    </message>
</context>
<context>
    <name>CandidatePromoter</name>
    <message>
        <source>New label &quot;%1&quot; from the Prompt lab</source>
        <translation>Nueva etiqueta «%1» desde el laboratorio de prompts</translation>
    </message>
    <message>
        <source>Add prompt &quot;%1&quot; to label &quot;%2&quot;</source>
        <translation>Añadir el prompt «%1» a la etiqueta «%2»</translation>
    </message>
    <message>
        <source>Add &quot;%1&quot; to the ensemble of label &quot;%2&quot;</source>
        <translation>Añadir «%1» al conjunto de la etiqueta «%2»</translation>
    </message>
    <message>
        <source>Add negative &quot;%1&quot; to label &quot;%2&quot;</source>
        <translation>Añadir el negativo «%1» a la etiqueta «%2»</translation>
    </message>
</context>
<context>
    <name>DocumentCommands</name>
    <message>
        <source>Add label &quot;%1&quot;</source>
        <translation>Añadir la etiqueta «%1»</translation>
    </message>
    <message>
        <source>Remove label &quot;%1&quot;</source>
        <translation>Quitar la etiqueta «%1»</translation>
    </message>
    <message>
        <source>Reorder labels</source>
        <translation>Reordenar etiquetas</translation>
    </message>
    <message>
        <source>Select the label to fill first.</source>
        <translation>Selecciona primero la etiqueta que quieres rellenar.</translation>
    </message>
    <message>
        <source>%1 is hidden: show it to paint it.</source>
        <translation>%1 está oculta: muéstrala para pintarla.</translation>
    </message>
    <message>
        <source>This pixel is part of %1 already; click inside a hole of it, or Shift+click to remove this part.</source>
        <translation>Este píxel ya forma parte de %1; haz clic dentro de uno de sus huecos, o Mayús+clic para quitar esta parte.</translation>
    </message>
    <message>
        <source>This pixel is not part of %1: Shift+click a part of it to remove that part.</source>
        <translation>Este píxel no forma parte de %1: Mayús+clic en una de sus partes para quitarla.</translation>
    </message>
    <message>
        <source>This area is not a hole of %1 (it reaches the image border); draw a polygon (G) to add it.</source>
        <translation>Esta zona no es un hueco de %1 (llega al borde de la imagen); dibuja un polígono (G) para añadirla.</translation>
    </message>
    <message>
        <source>This image has no brush edits.</source>
        <translation>Esta imagen no tiene retoques de pincel.</translation>
    </message>
    <message>
        <source>clear brush edits</source>
        <translation>borrar retoques de pincel</translation>
    </message>
    <message>
        <source>Use suggested threshold %1 for &quot;%2&quot;</source>
        <translation>Usar el umbral sugerido %1 para «%2»</translation>
    </message>
</context>
<context>
    <name>EditLabelCommand</name>
    <message>
        <source>Rename label to &quot;%1&quot;</source>
        <translation>Renombrar la etiqueta a «%1»</translation>
    </message>
    <message>
        <source>Change colour of &quot;%1&quot;</source>
        <translation>Cambiar el color de «%1»</translation>
    </message>
    <message>
        <source>Change prompts of &quot;%1&quot;</source>
        <translation>Cambiar los prompts de «%1»</translation>
    </message>
    <message>
        <source>Change visual prompts of &quot;%1&quot;</source>
        <translation>Cambiar los prompts visuales de «%1»</translation>
    </message>
    <message>
        <source>Set threshold of &quot;%1&quot; to %2</source>
        <translation>Fijar el umbral de «%1» en %2</translation>
    </message>
    <message>
        <source>Show &quot;%1&quot;</source>
        <translation>Mostrar «%1»</translation>
    </message>
    <message>
        <source>Hide &quot;%1&quot;</source>
        <translation>Ocultar «%1»</translation>
    </message>
    <message>
        <source>Edit &quot;%1&quot;</source>
        <translation>Editar «%1»</translation>
    </message>
</context>
<context>
    <name>PaintStrokeCommand</name>
    <message>
        <source>erase from %1</source>
        <translation>borrar de %1</translation>
    </message>
    <message>
        <source>paint %1</source>
        <translation>pintar %1</translation>
    </message>
</context>
<context>
    <name>SetOverlapModeCommand</name>
    <message>
        <source>Make labels exclusive</source>
        <translation>Hacer exclusivas las etiquetas</translation>
    </message>
    <message>
        <source>Let labels overlap</source>
        <translation>Permitir que las etiquetas se solapen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Label images by saying what you want: type a prompt or draw a box, get the mask.</source>
        <translation>Etiqueta imágenes diciendo lo que buscas: escribe un prompt o dibuja un recuadro y obtén la máscara.</translation>
    </message>
    <message>
        <source>BUNDLE</source>
        <translation>PAQUETE</translation>
    </message>
    <message>
        <source>An image or a folder of images to open.</source>
        <translation>Una imagen o una carpeta de imágenes para abrir.</translation>
    </message>
    <message>
        <source>Model bundle folder (default: $PROMPTMASK_MODEL, else the model opened last, else the first bundle in ~/.local/share/promptmask/models, else the demo model).</source>
        <translation>Carpeta del paquete de modelo (por defecto: $PROMPTMASK_MODEL; si no, el último modelo abierto; si no, el primer paquete de ~/.local/share/promptmask/models; si no, el modelo de demostración).</translation>
    </message>
</context>
<context>
    <name>pm::ui::AutoLabelController</name>
    <message>
        <source>1 image</source>
        <translation>1 imagen</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>%1 imágenes</translation>
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
        <translation>Etiquetado automático del conjunto</translation>
    </message>
    <message>
        <source>Open a folder of images first (Ctrl+Shift+O).</source>
        <translation>Abra primero una carpeta de imágenes (Ctrl+Mayús+O).</translation>
    </message>
    <message>
        <source>No model is loaded: open one with File → Open Model…</source>
        <translation>No hay ningún modelo cargado: abra uno con Archivo → Abrir modelo…</translation>
    </message>
    <message>
        <source>No label has a prompt yet: add a label and type what it should find.</source>
        <translation>Ninguna etiqueta tiene aún un prompt: añada una etiqueta y escriba lo que debe encontrar.</translation>
    </message>
    <message>
        <source>%1 already have auto annotations made with other labels, thresholds or another model. Replace them with new results?</source>
        <translation>%1 ya tienen anotaciones automáticas hechas con otras etiquetas, umbrales u otro modelo. ¿Reemplazarlas con resultados nuevos?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Reemplazar</translation>
    </message>
    <message>
        <source>Keep Them</source>
        <translation>Conservarlas</translation>
    </message>
    <message>
        <source>Nothing to label: %1</source>
        <translation>Nada que etiquetar: %1</translation>
    </message>
    <message>
        <source>Auto-labelling %1…</source>
        <translation>Etiquetando automáticamente %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Auto-labelled %1 of %2 images</source>
        <translation>%1 de %2 imágenes etiquetadas automáticamente</translation>
    </message>
    <message>
        <source>%1 images/s, about %2 left</source>
        <translation>%1 imágenes/s, quedan unos %2</translation>
    </message>
    <message>
        <source>%1 labelled (%2 shapes) in %3.</source>
        <translation>%1 etiquetadas (%2 formas) en %3.</translation>
    </message>
    <message>
        <source>Left alone, marked done or saved by you: %1.</source>
        <translation>Sin tocar, marcadas como terminadas o guardadas por usted: %1.</translation>
    </message>
    <message>
        <source>Left alone, with your changes: %1.</source>
        <translation>Sin tocar, con sus cambios: %1.</translation>
    </message>
    <message>
        <source>Already auto-labelled with these labels: %1.</source>
        <translation>Ya etiquetadas automáticamente con estas etiquetas: %1.</translation>
    </message>
    <message>
        <source>Failed: %1 (see details).</source>
        <translation>Fallidas: %1 (vea los detalles).</translation>
    </message>
    <message>
        <source>The run was cancelled; the files written so far are kept.</source>
        <translation>La ejecución se canceló; se conservan los archivos escritos hasta ahora.</translation>
    </message>
    <message>
        <source>The run stopped: %1.</source>
        <translation>La ejecución se detuvo: %1.</translation>
    </message>
</context>
<context>
    <name>pm::ui::AutoLabelDialog</name>
    <message>
        <source>&amp;All images (%1)</source>
        <translation>&amp;Todas las imágenes (%1)</translation>
    </message>
    <message>
        <source>The &amp;selected images (%1)</source>
        <translation>Las imágenes &amp;seleccionadas (%1)</translation>
    </message>
    <message>
        <source>Images &amp;without a saved annotation (%1)</source>
        <translation>Imágenes &amp;sin anotación guardada (%1)</translation>
    </message>
    <message>
        <source>Auto-Label Dataset</source>
        <translation>Etiquetado automático del conjunto</translation>
    </message>
    <message>
        <source>Label the images with the labels of the Labels dock (%1 now), their prompts and thresholds, and save the masks beside each image as auto annotations.</source>
        <translation>Etiquetar las imágenes con las etiquetas del panel Etiquetas (%1 ahora), sus prompts y umbrales, y guardar las máscaras junto a cada imagen como anotaciones automáticas.</translation>
    </message>
    <message>
        <source>Images marked done, images with your changes and annotations saved by you are never replaced. The app stays usable while the run goes on.</source>
        <translation>Las imágenes terminadas, las imágenes con sus cambios y las anotaciones que usted guardó nunca se reemplazan. La aplicación sigue usable durante la ejecución.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
</context>
<context>
    <name>pm::ui::AutoLabelRun</name>
    <message>
        <source>another model was loaded</source>
        <translation>se cargó otro modelo</translation>
    </message>
    <message>
        <source>no label has a prompt</source>
        <translation>ninguna etiqueta tiene un prompt</translation>
    </message>
</context>
<context>
    <name>pm::ui::DatasetDocument</name>
    <message>
        <source>Folder not found: %1</source>
        <translation>No se encuentra la carpeta: %1</translation>
    </message>
    <message>
        <source>Image not found: %1</source>
        <translation>No se encuentra la imagen: %1</translation>
    </message>
    <message>
        <source>No images in %1</source>
        <translation>No hay imágenes en %1</translation>
    </message>
    <message>
        <source>The saved labels could not be read (a backup was kept as labels.json.bak): %1</source>
        <translation>No se pudieron leer las etiquetas guardadas (se conservó una copia como labels.json.bak): %1</translation>
    </message>
    <message>
        <source>Labels could not be saved: %1 The labels are kept in this window; free some space or fix the folder, then retry.</source>
        <translation>No se pudieron guardar las etiquetas: %1 Las etiquetas se conservan en esta ventana; libere espacio o corrija la carpeta y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>This image cannot be read.</source>
        <translation>Esta imagen no se puede leer.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>%1 cannot be segmented: the model reads it as %2×%3 pixels, the viewer as %4×%5 (an EXIF orientation or image format the two readers disagree on). Save it again as PNG to label it.</source>
        <translation>No se puede segmentar %1: el modelo lo lee como %2×%3 píxeles y el visor como %4×%5 (una orientación EXIF o un formato de imagen en el que ambos lectores discrepan). Guárdelo de nuevo como PNG para etiquetarlo.</translation>
    </message>
    <message>
        <source>Segmentation failed: %1</source>
        <translation>La segmentación falló: %1</translation>
    </message>
    <message>
        <source>Changed the brush edits of %1 (not the image shown).</source>
        <translation>Se cambiaron los retoques de pincel de %1 (no la imagen mostrada).</translation>
    </message>
    <message>
        <source>1 instance</source>
        <translation>1 instancia</translation>
    </message>
    <message>
        <source>%1 instances</source>
        <translation>%1 instancias</translation>
    </message>
    <message>
        <source>Showing the saved annotation %1 (%2); press R to re-segment.</source>
        <translation>Se muestra la anotación guardada %1 (%2); pulsa R para volver a segmentar.</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Omitido: %1</translation>
    </message>
    <message>
        <source>Labels not in the label list are shown in grey: %1.</source>
        <translation>Las etiquetas que no están en la lista se muestran en gris: %1.</translation>
    </message>
    <message>
        <source>%1 The image is segmented as if it had no annotation; saving it keeps the old file as &lt;b&gt;%2.bak&lt;/b&gt;.</source>
        <translation>%1 La imagen se segmenta como si no tuviera anotación; al guardarla, el archivo anterior se conserva como &lt;b&gt;%2.bak&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Nothing to save: no image is open.</source>
        <translation>Nada que guardar: no hay ninguna imagen abierta.</translation>
    </message>
    <message>
        <source>%1 is saved already (its saved annotation is shown).</source>
        <translation>%1 ya está guardada (se muestra su anotación guardada).</translation>
    </message>
    <message>
        <source>%1 was not saved automatically: %2 not segmented yet.</source>
        <translation>%1 no se guardó automáticamente: %2 aún sin segmentar.</translation>
    </message>
    <message>
        <source>%1 is not saved: %2 not segmented yet. Wait for the model, or hide the label.</source>
        <translation>%1 no se ha guardado: %2 aún sin segmentar. Espera al modelo u oculta la etiqueta.</translation>
    </message>
    <message>
        <source>Saved automatically: %1 (%2).</source>
        <translation>Guardada automáticamente: %1 (%2).</translation>
    </message>
    <message>
        <source>Saved %1 (%2).</source>
        <translation>Guardada %1 (%2).</translation>
    </message>
    <message>
        <source>The old file could not be read and was kept as %1.</source>
        <translation>No se pudo leer el archivo anterior y se conservó como %1.</translation>
    </message>
    <message>
        <source>%1 could not be saved: %2 Your edits are kept in this window; free some space or fix the folder, then retry.</source>
        <translation>No se pudo guardar %1: %2 Sus cambios se conservan en esta ventana; libere espacio o corrija la carpeta y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Re-segmenting: the saved file is kept until you save (Ctrl+S) or change something.</source>
        <translation>Volviendo a segmentar: el archivo guardado se conserva hasta que guardes (Ctrl+S) o cambies algo.</translation>
    </message>
    <message>
        <source>No model loaded: open one with File → Open Model…</source>
        <translation>No hay ningún modelo cargado: abre uno con Archivo → Abrir modelo…</translation>
    </message>
    <message numerus="yes">
        <source>Unsaved brush edits from a session that did not end normally were found for %n image(s): %1.</source>
        <translation>
            <numerusform>Se encontraron ediciones de pincel sin guardar de una sesión que no terminó normalmente en %n imagen: %1.</numerusform>
            <numerusform>Se encontraron ediciones de pincel sin guardar de una sesión que no terminó normalmente en %n imágenes: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurar</translation>
    </message>
    <message numerus="yes">
        <source>Restored the unsaved brush edits of %n image(s).</source>
        <translation>
            <numerusform>Se restauraron las ediciones de pincel sin guardar de %n imagen.</numerusform>
            <numerusform>Se restauraron las ediciones de pincel sin guardar de %n imágenes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pm::ui::DatasetExporter</name>
    <message>
        <source>Nothing to export: no image of the folder has a saved annotation (save one with Ctrl+S).</source>
        <translation>Nada que exportar: ninguna imagen de la carpeta tiene una anotación guardada (guarda una con Ctrl+S).</translation>
    </message>
    <message>
        <source>Nothing to export: no saved annotation could be read.</source>
        <translation>Nada que exportar: no se pudo leer ninguna anotación guardada.</translation>
    </message>
</context>
<context>
    <name>pm::ui::ErrorText</name>
    <message>
        <source>The model folder %1 does not exist.</source>
        <translation>La carpeta de modelo %1 no existe.</translation>
    </message>
    <message>
        <source>%1 is not a model bundle: a bundle is a folder with manifest.json and model.pt.</source>
        <translation>%1 no es un paquete de modelo: un paquete es una carpeta con manifest.json y model.pt.</translation>
    </message>
    <message>
        <source>%1 is missing from the model bundle.</source>
        <translation>Falta %1 en el paquete de modelo.</translation>
    </message>
    <message>
        <source>%1 is damaged or was changed: its size or checksum differs from manifest.json.</source>
        <translation>%1 está dañado o se modificó: su tamaño o su suma de comprobación no coincide con manifest.json.</translation>
    </message>
    <message>
        <source>This model bundle cannot be used: %1</source>
        <translation>Este paquete de modelo no se puede usar: %1</translation>
    </message>
</context>
<context>
    <name>pm::ui::ExportDialog</name>
    <message>
        <source>&amp;COCO instance segmentation (one JSON file)</source>
        <translation>Segmentación de instancias &amp;COCO (un archivo JSON)</translation>
    </message>
    <message>
        <source>&amp;PNG masks (folder: label-index PNG per image, binary mask per label)</source>
        <translation>Máscaras &amp;PNG (carpeta: un PNG de índices de etiqueta por imagen, una máscara binaria por etiqueta)</translation>
    </message>
    <message>
        <source>&amp;labelme (folder: one JSON file per image)</source>
        <translation>&amp;labelme (carpeta: un archivo JSON por imagen)</translation>
    </message>
    <message>
        <source>Embed the &amp;images in the JSON files (imageData)</source>
        <translation>Incrustar las &amp;imágenes en los archivos JSON (imageData)</translation>
    </message>
    <message>
        <source>&amp;Simplify outlines: far fewer vertices on big shapes, about 1 % IoU</source>
        <translation>&amp;Simplificar contornos: muchos menos vértices en formas grandes, cerca de un 1 % de IoU</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <source>Export Dataset</source>
        <translation>Exportar conjunto de datos</translation>
    </message>
    <message>
        <source>All %1 images of &lt;b&gt;%2&lt;/b&gt; have a saved annotation.</source>
        <translation>Las %1 imágenes de &lt;b&gt;%2&lt;/b&gt; tienen una anotación guardada.</translation>
    </message>
    <message>
        <source>%1 of %2 images of &lt;b&gt;%3&lt;/b&gt; have a saved annotation; only those are exported. Save an image with &lt;i&gt;Ctrl+S&lt;/i&gt; or &lt;i&gt;Ctrl+Enter&lt;/i&gt;.</source>
        <translation>%1 de %2 imágenes de &lt;b&gt;%3&lt;/b&gt; tienen una anotación guardada; solo se exportan esas. Guarda una imagen con &lt;i&gt;Ctrl+S&lt;/i&gt; o &lt;i&gt;Ctrl+Intro&lt;/i&gt;.</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>E&amp;xaminar…</translation>
    </message>
    <message>
        <source>Save &amp;to:</source>
        <translation>&amp;Guardar en:</translation>
    </message>
    <message>
        <source>Polygons, RLE for masks with holes</source>
        <translation>Polígonos, RLE para máscaras con huecos</translation>
    </message>
    <message>
        <source>Polygons</source>
        <translation>Polígonos</translation>
    </message>
    <message>
        <source>RLE (exact masks)</source>
        <translation>RLE (máscaras exactas)</translation>
    </message>
    <message>
        <source>&amp;Masks as:</source>
        <translation>&amp;Máscaras como:</translation>
    </message>
    <message>
        <source>Polygons follow the pixel staircase of a mask by default (a round shape of 200 px gets ~290 vertices). Simplified, each outline may deviate by 1 % of its width: a circle keeps ~30 vertices, a rectangle its 4 corners.</source>
        <translation>Por defecto, los polígonos siguen la escalera de píxeles de una máscara (una forma redonda de 200 px tiene ~290 vértices). Simplificado, cada contorno puede desviarse un 1 % de su anchura: un círculo conserva ~30 vértices y un rectángulo sus 4 esquinas.</translation>
    </message>
    <message>
        <source>Export COCO File</source>
        <translation>Exportar archivo COCO</translation>
    </message>
    <message>
        <source>Export to Folder</source>
        <translation>Exportar a una carpeta</translation>
    </message>
    <message>
        <source>Choose where to save the export.</source>
        <translation>Elige dónde guardar la exportación.</translation>
    </message>
    <message>
        <source>Choose a folder outside the dataset folder.</source>
        <translation>Elige una carpeta fuera de la carpeta del conjunto de datos.</translation>
    </message>
    <message>
        <source>COCO is one file: choose a file name, not a folder.</source>
        <translation>COCO es un solo archivo: elige un nombre de archivo, no una carpeta.</translation>
    </message>
</context>
<context>
    <name>pm::ui::ImageDock</name>
    <message>
        <source>Images</source>
        <translation>Imágenes</translation>
    </message>
    <message>
        <source>Include subfolders</source>
        <translation>Incluir subcarpetas</translation>
    </message>
    <message>
        <source>Filter by name…</source>
        <translation>Filtrar por nombre…</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nueva</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Editada</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecha</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n imagen</numerusform>
            <numerusform>%n imágenes</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
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
        <translation>Nueva etiqueta</translation>
    </message>
    <message>
        <source>Make this candidate a new label (Ctrl+Z takes it back)</source>
        <translation>Convertir este candidato en una etiqueta nueva (Ctrl+Z lo deshace)</translation>
    </message>
    <message>
        <source>Add to…</source>
        <translation>Añadir a…</translation>
    </message>
    <message>
        <source>Add this candidate to an existing label</source>
        <translation>Añadir este candidato a una etiqueta existente</translation>
    </message>
    <message>
        <source>Remove this candidate</source>
        <translation>Quitar este candidato</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>error</translation>
    </message>
    <message>
        <source>decoding…</source>
        <translation>calculando…</translation>
    </message>
    <message>
        <source>%1 % · %2 ms</source>
        <translation>%1 % · %2 ms</translation>
    </message>
    <message>
        <source>Mask area at the lab threshold · time of the prompt encoding and decode</source>
        <translation>Área de la máscara con el umbral del laboratorio · tiempo de codificación del prompt y decodificación</translation>
    </message>
</context>
<context>
    <name>pm::ui::LabelDefinition</name>
    <message>
        <source>label %1</source>
        <translation>etiqueta %1</translation>
    </message>
</context>
<context>
    <name>pm::ui::LabelListModel</name>
    <message>
        <source>  (hidden)</source>
        <translation>  (oculta)</translation>
    </message>
    <message>
        <source>Prompts: %1</source>
        <translation>Prompts: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n visual exemplar(s)</source>
        <translation>
            <numerusform>%n ejemplo visual</numerusform>
            <numerusform>%n ejemplos visuales</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pm::ui::LabelsDock</name>
    <message>
        <source>Labels</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Add a label</source>
        <translation>Añadir una etiqueta</translation>
    </message>
    <message>
        <source>Remove the selected label</source>
        <translation>Quitar la etiqueta seleccionada</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Selected label</source>
        <translation>Etiqueta seleccionada</translation>
    </message>
    <message>
        <source>Visible</source>
        <translation>Visible</translation>
    </message>
    <message>
        <source>Remove the selected visual prompt</source>
        <translation>Quitar el prompt visual seleccionado</translation>
    </message>
    <message>
        <source>What to find, e.g. &quot;a glass&quot; (; separates prompts)</source>
        <translation>Qué buscar, p. ej. «un vaso» (; separa los prompts)</translation>
    </message>
    <message>
        <source>Label colour</source>
        <translation>Color de la etiqueta</translation>
    </message>
    <message>
        <source>Visual prompts: draw a box on any image with the box tool (B)</source>
        <translation>Prompts visuales: dibuja un recuadro en cualquier imagen con la herramienta de recuadro (B)</translation>
    </message>
    <message>
        <source>Crop, blur, highlight (paper default)</source>
        <translation>Recortar, desenfocar, resaltar (por defecto del artículo)</translation>
    </message>
    <message>
        <source>Crop only</source>
        <translation>Solo recortar</translation>
    </message>
    <message>
        <source>Whole image</source>
        <translation>Imagen completa</translation>
    </message>
    <message>
        <source>How a drawn box becomes a visual prompt</source>
        <translation>Cómo un recuadro dibujado se convierte en prompt visual</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Umbral</translation>
    </message>
    <message>
        <source>Visual</source>
        <translation>Visual</translation>
    </message>
    <message>
        <source>Box mode</source>
        <translation>Modo del recuadro</translation>
    </message>
    <message>
        <source>No labels yet.

Press T and type what to find, e.g. &quot;red circle&quot; — or click + to add a label.</source>
        <translation>Aún no hay etiquetas.

Pulsa T y escribe qué buscar, p. ej. «círculo rojo», o haz clic en + para añadir una etiqueta.</translation>
    </message>
</context>
<context>
    <name>pm::ui::LanguageMenu</name>
    <message>
        <source>The language changes when PromptMask starts next time.</source>
        <translation>El idioma cambiará la próxima vez que se inicie PromptMask.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>System Language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
</context>
<context>
    <name>pm::ui::MainWindow</name>
    <message>
        <source>Open an image (Ctrl+O) or a folder (Ctrl+Shift+O).
Then press T and type what to find, e.g. &quot;a glass&quot;, or draw a box around one example with the box tool (B).</source>
        <translation>Abre una imagen (Ctrl+O) o una carpeta (Ctrl+Mayús+O).
Después pulsa T y escribe qué buscar, p. ej. «un vaso», o dibuja un recuadro alrededor de un ejemplo con la herramienta de recuadro (B).</translation>
    </message>
    <message>
        <source>Loading model…</source>
        <translation>Cargando el modelo…</translation>
    </message>
    <message>
        <source>Loading model %1…</source>
        <translation>Cargando el modelo %1…</translation>
    </message>
    <message>
        <source>Model loaded: %1</source>
        <translation>Modelo cargado: %1</translation>
    </message>
    <message>
        <source>Segmenting…</source>
        <translation>Segmentando…</translation>
    </message>
    <message>
        <source>Loading model &lt;b&gt;%1&lt;/b&gt;…</source>
        <translation>Cargando el modelo &lt;b&gt;%1&lt;/b&gt;…</translation>
    </message>
    <message>
        <source>&lt;b&gt;The model could not be loaded.&lt;/b&gt; %1&lt;br&gt;</source>
        <translation>&lt;b&gt;No se pudo cargar el modelo.&lt;/b&gt; %1&lt;br&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;No model loaded&lt;/b&gt; — here is how to get one: open a model bundle (a folder with &lt;code&gt;manifest.json&lt;/code&gt; and &lt;code&gt;model.pt&lt;/code&gt;) with &lt;i&gt;File → Open Model…&lt;/i&gt;. Export CLIPSeg from Hugging Face with &lt;code&gt;packaging/models/export_clipseg.py&lt;/code&gt;, or use the demo model &lt;code&gt;resources/models/demo-shapes&lt;/code&gt;. &lt;a href=&quot;guide&quot;&gt;Read the user guide&lt;/a&gt;.</source>
        <translation>&lt;b&gt;No hay ningún modelo cargado&lt;/b&gt;; así se consigue uno: abre un paquete de modelo (una carpeta con &lt;code&gt;manifest.json&lt;/code&gt; y &lt;code&gt;model.pt&lt;/code&gt;) con &lt;i&gt;Archivo → Abrir modelo…&lt;/i&gt;. Exporta CLIPSeg desde Hugging Face con &lt;code&gt;packaging/models/export_clipseg.py&lt;/code&gt;, o usa el modelo de demostración &lt;code&gt;resources/models/demo-shapes&lt;/code&gt;. &lt;a href=&quot;guide&quot;&gt;Leer la guía del usuario&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>Open Model…</source>
        <translation>Abrir modelo…</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>Sin modelo</translation>
    </message>
    <message>
        <source>No model loaded.
Open a model bundle with File → Open Model… (Ctrl+M); you can still browse images and set up labels.</source>
        <translation>No hay ningún modelo cargado.
Abre un paquete de modelo con Archivo → Abrir modelo… (Ctrl+M); mientras tanto puedes ver las imágenes y preparar las etiquetas.</translation>
    </message>
    <message>
        <source>no model</source>
        <translation>sin modelo</translation>
    </message>
    <message>
        <source>Unsaved Brush Edits</source>
        <translation>Retoques de pincel sin guardar</translation>
    </message>
    <message numerus="yes">
        <source>Brush or eraser edits on %n image(s) are not saved: %1.

Quit and discard them?</source>
        <translation>
            <numerusform>Los retoques con pincel o borrador en %n imagen no están guardados: %1.

¿Salir y descartarlos?</numerusform>
            <numerusform>Los retoques con pincel o borrador en %n imágenes no están guardados: %1.

¿Salir y descartarlos?</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>Open &amp;Image…</source>
        <translation>Abrir &amp;imagen…</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>Abrir &amp;carpeta…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>Open &amp;Model…</source>
        <translation>Abrir &amp;modelo…</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>Use &amp;Demo Model</source>
        <translation>Usar el modelo de &amp;demostración</translation>
    </message>
    <message>
        <source>&amp;Save Annotation</source>
        <translation>&amp;Guardar anotación</translation>
    </message>
    <message>
        <source>&amp;Export Dataset…</source>
        <translation>E&amp;xportar conjunto de datos…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>&amp;Type a Prompt</source>
        <translation>Escribir un &amp;prompt</translation>
    </message>
    <message>
        <source>&amp;Add Label</source>
        <translation>&amp;Añadir etiqueta</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Remo&amp;ve Label</source>
        <translation>&amp;Quitar etiqueta</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Herramientas</translation>
    </message>
    <message>
        <source>&amp;Box Tool (Visual Prompt)</source>
        <translation>Herramienta de re&amp;cuadro (prompt visual)</translation>
    </message>
    <message>
        <source>Draw a box around one example: its crop becomes a visual prompt</source>
        <translation>Dibuja un recuadro alrededor de un ejemplo: su recorte se convierte en prompt visual</translation>
    </message>
    <message>
        <source>&amp;Paint Brush</source>
        <translation>P&amp;incel</translation>
    </message>
    <message>
        <source>Paint pixels into the selected label&apos;s mask</source>
        <translation>Pintar píxeles en la máscara de la etiqueta seleccionada</translation>
    </message>
    <message>
        <source>&amp;Eraser</source>
        <translation>&amp;Borrador</translation>
    </message>
    <message>
        <source>Erase pixels from the selected label&apos;s mask</source>
        <translation>Borrar píxeles de la máscara de la etiqueta seleccionada</translation>
    </message>
    <message>
        <source>Pol&amp;ygon Fill</source>
        <translation>Relleno con polí&amp;gono</translation>
    </message>
    <message>
        <source>Click corners around a region to add it to the selected label&apos;s mask (Shift when closing: cut it out)</source>
        <translation>Haz clic en las esquinas alrededor de una región para añadirla a la máscara de la etiqueta seleccionada (Mayús al cerrar: recortarla)</translation>
    </message>
    <message>
        <source>&amp;Fill Holes</source>
        <translation>Rellenar &amp;huecos</translation>
    </message>
    <message>
        <source>Click inside a hole of the selected label to fill it; Shift+click a part to remove it</source>
        <translation>Haz clic dentro de un hueco de la etiqueta seleccionada para rellenarlo; Mayús+clic en una parte para quitarla</translation>
    </message>
    <message>
        <source>&amp;Larger Brush</source>
        <translation>Pincel más grand&amp;e</translation>
    </message>
    <message>
        <source>&amp;Smaller Brush</source>
        <translation>Pincel más pequeñ&amp;o</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Acercar</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>A&amp;lejar</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>Ajustar a la &amp;ventana</translation>
    </message>
    <message>
        <source>&amp;Actual Size (1:1)</source>
        <translation>&amp;Tamaño real (1:1)</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>Probability &amp;Heat Map</source>
        <translation>Mapa de &amp;calor de probabilidad</translation>
    </message>
    <message>
        <source>Over&amp;lapping Labels</source>
        <translation>Etiquetas s&amp;olapadas</translation>
    </message>
    <message>
        <source>&amp;Exclusive (highest probability wins)</source>
        <translation>&amp;Exclusivas (gana la mayor probabilidad)</translation>
    </message>
    <message>
        <source>&amp;Overlapping (independent masks)</source>
        <translation>&amp;Solapadas (máscaras independientes)</translation>
    </message>
    <message>
        <source>&amp;Image</source>
        <translation>&amp;Imagen</translation>
    </message>
    <message>
        <source>&amp;Next Image</source>
        <translation>Imagen &amp;siguiente</translation>
    </message>
    <message>
        <source>&amp;Previous Image</source>
        <translation>Imagen a&amp;nterior</translation>
    </message>
    <message>
        <source>&amp;Re-segment</source>
        <translation>&amp;Volver a segmentar</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Run the model on this image, also when it shows a saved annotation</source>
        <translation>Ejecutar el modelo en esta imagen, aunque muestre una anotación guardada</translation>
    </message>
    <message>
        <source>&amp;Clear Brush Edits</source>
        <translation>&amp;Borrar retoques de pincel</translation>
    </message>
    <message>
        <source>Shift+E</source>
        <translation>Shift+E</translation>
    </message>
    <message>
        <source>Remove every brush and eraser stroke of this image (undoable)</source>
        <translation>Quitar todos los trazos de pincel y borrador de esta imagen (se puede deshacer)</translation>
    </message>
    <message>
        <source>Save, Mark &amp;Done and Go On</source>
        <translation>Guardar, marcar como &amp;hecha y seguir</translation>
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
        <translation>Segmentar &amp;automáticamente al abrir</translation>
    </message>
    <message>
        <source>Leaving an image whose masks you changed (status edited) saves them</source>
        <translation>Al salir de una imagen cuyas máscaras cambiaste (estado editada), se guardan</translation>
    </message>
    <message>
        <source>One &amp;Instance per Label</source>
        <translation>Una &amp;instancia por etiqueta</translation>
    </message>
    <message>
        <source>Save each label&apos;s mask as one instance instead of one per connected part</source>
        <translation>Guardar la máscara de cada etiqueta como una sola instancia en lugar de una por parte conexa</translation>
    </message>
    <message>
        <source>&amp;Minimum Area…</source>
        <translation>Área &amp;mínima…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Guía del usuario</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <source>Ctrl+/</source>
        <translation>Ctrl+/</translation>
    </message>
    <message>
        <source>&amp;About PromptMask</source>
        <translation>A&amp;cerca de PromptMask</translation>
    </message>
    <message>
        <source>About PromptMask</source>
        <translation>Acerca de PromptMask</translation>
    </message>
    <message>
        <source>&lt;h3&gt;PromptMask %1&lt;/h3&gt;&lt;p&gt;Label images by saying what you want: type a prompt or draw a box around one example, and CLIPSeg paints the mask.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;PromptMask %1&lt;/h3&gt;&lt;p&gt;Etiqueta imágenes diciendo lo que buscas: escribe un prompt o dibuja un recuadro alrededor de un ejemplo y CLIPSeg pinta la máscara.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open Model Bundle</source>
        <translation>Abrir paquete de modelo</translation>
    </message>
    <message>
        <source>Open Image</source>
        <translation>Abrir imagen</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>Imágenes (%1)</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Abrir carpeta</translation>
    </message>
    <message>
        <source>User Guide</source>
        <translation>Guía del usuario</translation>
    </message>
    <message>
        <source>The user guide is docs/USER_GUIDE.md in the sources.</source>
        <translation>La guía del usuario está en docs/USER_GUIDE.md, en el código fuente.</translation>
    </message>
    <message>
        <source>1 image</source>
        <translation>1 imagen</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>%1 imágenes</translation>
    </message>
    <message>
        <source>1 annotation</source>
        <translation>1 anotación</translation>
    </message>
    <message>
        <source>%1 annotations</source>
        <translation>%1 anotaciones</translation>
    </message>
    <message>
        <source>Minimum Area</source>
        <translation>Área mínima</translation>
    </message>
    <message>
        <source>Parts of a mask (and holes) smaller than this many pixels are left out of saved annotations:</source>
        <translation>Las partes de una máscara (y los huecos) de menos píxeles que este número no se incluyen en las anotaciones guardadas:</translation>
    </message>
    <message>
        <source>Open a folder first (Ctrl+Shift+O).</source>
        <translation>Abre primero una carpeta (Ctrl+Mayús+O).</translation>
    </message>
    <message>
        <source>An export is running already.</source>
        <translation>Ya hay una exportación en curso.</translation>
    </message>
    <message>
        <source>Exporting %1 as %2…</source>
        <translation>Exportando %1 como %2…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Export Dataset</source>
        <translation>Exportar conjunto de datos</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <source>The export was cancelled. Files written so far are complete (a COCO file is only written at the end).</source>
        <translation>Se canceló la exportación. Los archivos escritos hasta ahora están completos (un archivo COCO solo se escribe al final).</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>La exportación falló: %1</translation>
    </message>
    <message>
        <source>Exported %1 with %2 to %3.</source>
        <translation>Se exportó %1 con %2 a %3.</translation>
    </message>
    <message>
        <source>Left out (no saved annotation): %1.</source>
        <translation>Omitidas (sin anotación guardada): %1.</translation>
    </message>
    <message>
        <source>Errors: %1 (see details); everything else was exported.</source>
        <translation>Errores: %1 (ver detalles); todo lo demás se exportó.</translation>
    </message>
    <message>
        <source>Warnings: %1.</source>
        <translation>Advertencias: %1.</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Advertencia: %1</translation>
    </message>
    <message>
        <source>a new label</source>
        <translation>una etiqueta nueva</translation>
    </message>
    <message>
        <source>Brush: drag to paint into %1 ([ ] size, E eraser, P again to stop).</source>
        <translation>Pincel: arrastra para pintar en %1 ([ ] tamaño, E borrador, P otra vez para terminar).</translation>
    </message>
    <message>
        <source>Eraser: drag to erase from %1 ([ ] size, P brush, E again to stop).</source>
        <translation>Borrador: arrastra para borrar de %1 ([ ] tamaño, P pincel, E otra vez para terminar).</translation>
    </message>
    <message>
        <source>Polygon: click corners (or drag) around what belongs to %1; double-click or Enter fills it, Shift cuts it out, Backspace undoes a corner, Esc drops it.</source>
        <translation>Polígono: haz clic en las esquinas (o arrastra) alrededor de lo que pertenece a %1; doble clic o Intro lo rellena, Mayús lo recorta, Retroceso deshace una esquina, Esc lo descarta.</translation>
    </message>
    <message>
        <source>Fill: click inside a hole of %1 to fill it; Shift+click a part of it to remove that part.</source>
        <translation>Relleno: haz clic dentro de un hueco de %1 para rellenarlo; Mayús+clic en una parte para quitarla.</translation>
    </message>
    <message>
        <source>Brush: %1 px wide</source>
        <translation>Pincel: %1 px de ancho</translation>
    </message>
    <message>
        <source>Show O&amp;verlay</source>
        <translation>Mostrar &amp;superposición</translation>
    </message>
    <message>
        <source>Save A&amp;utomatically When Leaving an Image</source>
        <translation>Guardar automáticamente a&amp;l salir de una imagen</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Configuración</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Cargando %1…</translation>
    </message>
    <message>
        <source>Su&amp;ggest Threshold…</source>
        <translation>Sugerir &amp;umbral…</translation>
    </message>
    <message>
        <source>Auto-&amp;Label Dataset…</source>
        <translation>Eti&amp;quetar automáticamente el conjunto…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>Label all images, the selected ones or the unannotated ones with the current labels, in the background</source>
        <translation>Etiquetar todas las imágenes, las seleccionadas o las no anotadas con las etiquetas actuales, en segundo plano</translation>
    </message>
</context>
<context>
    <name>pm::ui::NoticeBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>pm::ui::PromptLabDock</name>
    <message>
        <source>Prompt Lab</source>
        <translation>Laboratorio de prompts</translation>
    </message>
    <message>
        <source>&amp;Prompt Lab</source>
        <translation>Laboratorio de &amp;prompts</translation>
    </message>
    <message>
        <source>This image</source>
        <translation>Esta imagen</translation>
    </message>
    <message>
        <source>Across images</source>
        <translation>En varias imágenes</translation>
    </message>
    <message>
        <source>Type a candidate prompt, then Enter (e.g. &quot;a red ellipse&quot;)</source>
        <translation>Escriba un prompt candidato y pulse Intro (p. ej. «a red ellipse»)</translation>
    </message>
    <message>
        <source>Threshold for the mask areas of all candidates</source>
        <translation>Umbral para las áreas de máscara de todos los candidatos</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Umbral</translation>
    </message>
    <message>
        <source>Run on the next images</source>
        <translation>Ejecutar en las siguientes imágenes</translation>
    </message>
    <message>
        <source>Runs every candidate over the next images of the folder, in the background.</source>
        <translation>Ejecuta cada candidato en las siguientes imágenes de la carpeta, en segundo plano.</translation>
    </message>
    <message>
        <source>Images after this one:</source>
        <translation>Imágenes después de esta:</translation>
    </message>
    <message>
        <source>No candidates yet: type one above and press Enter.</source>
        <translation>Aún no hay candidatos: escriba uno arriba y pulse Intro.</translation>
    </message>
    <message numerus="yes">
        <source>%n candidate(s) on %1, decoding %2…</source>
        <translation>
            <numerusform>%n candidato en %1, calculando %2…</numerusform>
            <numerusform>%n candidatos en %1, calculando %2…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n candidate(s) on %1, %2 shown</source>
        <translation>
            <numerusform>%n candidato en %1, %2 mostrado(s)</numerusform>
            <numerusform>%n candidatos en %1, %2 mostrados</numerusform>
        </translation>
    </message>
    <message>
        <source>No labels yet</source>
        <translation>Aún no hay etiquetas</translation>
    </message>
    <message>
        <source>As a prompt (either one finds it)</source>
        <translation>Como prompt (cualquiera lo encuentra)</translation>
    </message>
    <message>
        <source>Add candidates first.</source>
        <translation>Añada candidatos primero.</translation>
    </message>
    <message>
        <source>There are no images after this one.</source>
        <translation>No hay imágenes después de esta.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Running: %1 of %2 images</source>
        <translation>En curso: %1 de %2 imágenes</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>error</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 images</source>
        <translation>Cancelado tras %1 de %2 imágenes</translation>
    </message>
    <message>
        <source>Done: %1 images</source>
        <translation>Hecho: %1 imágenes</translation>
    </message>
    <message>
        <source>Into its ensemble (averaged)</source>
        <translation>En su conjunto (promediado)</translation>
    </message>
    <message>
        <source>As a negative (not this)</source>
        <translation>Como negativo (esto no)</translation>
    </message>
</context>
<context>
    <name>pm::ui::SegmentationWorker</name>
    <message>
        <source>Unexpected error: %1</source>
        <translation>Error inesperado: %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: no model could be opened</source>
        <translation>«%1»: no se pudo abrir ningún modelo</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>No hay ningún modelo cargado</translation>
    </message>
    <message>
        <source>nothing to segment</source>
        <translation>nada que segmentar</translation>
    </message>
    <message>
        <source>the visual prompt drawn on %1 was left out: %2</source>
        <translation>se omitió el prompt visual dibujado en %1: %2</translation>
    </message>
</context>
<context>
    <name>pm::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Select label 1 to 9</source>
        <translation>Seleccionar la etiqueta 1 a 9</translation>
    </message>
    <message>
        <source>Mouse wheel</source>
        <translation>Rueda del ratón</translation>
    </message>
    <message>
        <source>Zoom around the cursor</source>
        <translation>Zoom alrededor del cursor</translation>
    </message>
    <message>
        <source>Space + drag, middle drag</source>
        <translation>Espacio + arrastrar, arrastrar con el botón central</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>Desplazar la vista</translation>
    </message>
    <message>
        <source>Enter, double-click</source>
        <translation>Intro, doble clic</translation>
    </message>
    <message>
        <source>Polygon: fill it (with Shift: cut it out)</source>
        <translation>Polígono: rellenarlo (con Mayús: recortarlo)</translation>
    </message>
    <message>
        <source>Backspace</source>
        <translation>Retroceso</translation>
    </message>
    <message>
        <source>Polygon: take the last corner back</source>
        <translation>Polígono: deshacer la última esquina</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Drop the box, stroke or polygon being drawn</source>
        <translation>Descartar el recuadro, el trazo o el polígono en curso</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Tecla</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
</context>
<context>
    <name>pm::ui::StatusBarWidget</name>
    <message>
        <source>Last request: image encoding / prompt encoding / decoding</source>
        <translation>Última petición: codificación de la imagen / codificación de los prompts / decodificación</translation>
    </message>
    <message>
        <source>Cached image encodings and prompt embeddings</source>
        <translation>Codificaciones de imágenes y embeddings de prompts en caché</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modelo: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n thread(s)</source>
        <translation>
            <numerusform>%n hilo</numerusform>
            <numerusform>%n hilos</numerusform>
        </translation>
    </message>
    <message>
        <source>cached</source>
        <translation>en caché</translation>
    </message>
    <message>
        <source>encode %1 · prompts %2 ms · decode %3 ms</source>
        <translation>codificación %1 · prompts %2 ms · decodificación %3 ms</translation>
    </message>
    <message numerus="yes">
        <source>cache: %n image(s)</source>
        <translation>
            <numerusform>caché: %n imagen</numerusform>
            <numerusform>caché: %n imágenes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n prompt(s)</source>
        <translation>
            <numerusform>, %n prompt</numerusform>
            <numerusform>, %n prompts</numerusform>
        </translation>
    </message>
    <message>
        <source>, %1% hits</source>
        <translation>, %1% de aciertos</translation>
    </message>
</context>
<context>
    <name>pm::ui::ThresholdDialog</name>
    <message>
        <source>Threshold for &quot;%1&quot;</source>
        <translation>Umbral de «%1»</translation>
    </message>
    <message>
        <source>Current threshold:</source>
        <translation>Umbral actual:</translation>
    </message>
    <message>
        <source>Otsu&apos;s guess on this image:</source>
        <translation>Estimación de Otsu en esta imagen:</translation>
    </message>
    <message>
        <source>segment this image first</source>
        <translation>segmente primero esta imagen</translation>
    </message>
    <message>
        <source>Use Otsu&apos;s Guess</source>
        <translation>Usar la estimación de Otsu</translation>
    </message>
    <message>
        <source>Learned from your saved images:</source>
        <translation>Aprendido de sus imágenes guardadas:</translation>
    </message>
    <message numerus="yes">
        <source>%1 (mean IoU %2 over %n saved image(s))</source>
        <translation>
            <numerusform>%1 (IoU media %2 en %n imagen guardada)</numerusform>
            <numerusform>%1 (IoU media %2 en %n imágenes guardadas)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>save %n more image(s) containing this label</source>
        <translation>
            <numerusform>guarde %n imagen más con esta etiqueta</numerusform>
            <numerusform>guarde %n imágenes más con esta etiqueta</numerusform>
        </translation>
    </message>
    <message>
        <source>Use Learned Threshold</source>
        <translation>Usar el umbral aprendido</translation>
    </message>
    <message>
        <source>Mean IoU with your saved masks at each threshold (dashed: current, dotted: Otsu)</source>
        <translation>IoU media con sus máscaras guardadas en cada umbral (discontinua: actual, punteada: Otsu)</translation>
    </message>
</context>
</TS>
