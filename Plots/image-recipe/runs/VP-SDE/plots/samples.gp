# samples: written by toy. Redraw with: gnuplot samples.gp
set terminal pngcairo size 934,994 enhanced font 'DejaVu Sans,11'
set output 'samples.png'
set border lw 1.2
set tics out nomirror
set key top right opaque
set title 'fashion-mnist: 100 samples (ddim, 50 steps), EMA weights after 1500 training steps'
unset key
unset border
unset xtics
unset ytics
unset colorbox
set size ratio -1
set xrange [-0.5:297.5]
set yrange [-0.5:297.5]
set lmargin at screen 0.0
set palette grey
set cbrange [0:1]
set xlabel 'x₀ clipped to [−1.0, 1.0] at each step; 0 of 392000 final pixels outside [0, 1] by rounding, clipped'
plot 'samples.dat' using 1:2:3 with image

unset output
