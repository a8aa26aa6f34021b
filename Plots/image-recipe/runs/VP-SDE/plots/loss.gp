# loss: written by toy. Redraw with: gnuplot loss.gp
set terminal pngcairo size 900,500 enhanced font 'DejaVu Sans,11'
set output 'loss.png'
set border lw 1.2
set tics out nomirror
set key top right opaque
set logscale y
set xlabel 'training step'
set ylabel 'loss'
set title 'training loss'
plot 'loss.dat' using 1:2 with dots lc rgb '#999999' title 'per step', \
     '' using 1:3 with lines lw 2 lc rgb '#1f77b4' title 'mean of 100 steps'
unset output
