# samples-vs-data: written by toy. Redraw with: gnuplot samples-vs-data.gp
set terminal pngcairo size 1924,964 enhanced font 'DejaVu Sans,11'
set output 'samples-vs-data.png'
set border lw 1.2
set tics out nomirror
set key top right opaque
set title 'fashion-mnist: generated (left) and real training images (right)'
unset key
unset border
unset xtics
unset ytics
unset colorbox
set size ratio -1
set xrange [-0.5:627.5]
set yrange [-0.5:297.5]
set lmargin at screen 0.0
set palette grey
set cbrange [0:1]
plot 'samples-vs-data.dat' using 1:2:3 with image

unset output
