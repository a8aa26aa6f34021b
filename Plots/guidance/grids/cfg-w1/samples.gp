# samples: written by toy. Redraw with: gnuplot samples.gp
set terminal pngcairo size 1044,994 enhanced font 'DejaVu Sans,11'
set output 'samples.png'
set border lw 1.2
set tics out nomirror
set key top right opaque
set title 'fashion-mnist: 100 samples (ddim, 100 model evaluations)'
unset key
unset border
unset xtics
unset ytics
unset colorbox
set size ratio -1
set xrange [-0.5:297.5]
set yrange [-0.5:297.5]
set lmargin at screen 0.1053639846743295
set palette grey
set cbrange [0:1]
set label 1 'T-shirt/top' at -4,284.0 right font ',9'
set label 2 'Trouser' at -4,254.0 right font ',9'
set label 3 'Pullover' at -4,224.0 right font ',9'
set label 4 'Dress' at -4,194.0 right font ',9'
set label 5 'Coat' at -4,164.0 right font ',9'
set label 6 'Sandal' at -4,134.0 right font ',9'
set label 7 'Shirt' at -4,104.0 right font ',9'
set label 8 'Sneaker' at -4,74.0 right font ',9'
set label 9 'Bag' at -4,44.0 right font ',9'
set label 10 'Ankle boot' at -4,14.0 right font ',9'
set xlabel 'x₀ clipped to [−1.0, 1.0] at each step; 0 final pixels outside [0, 1] by rounding, clipped'
plot 'samples.dat' using 1:2:3 with image

unset output
