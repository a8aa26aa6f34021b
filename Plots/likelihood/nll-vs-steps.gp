set terminal pngcairo size 1000,460 font 'DejaVu Sans,10'
set output 'nll-vs-steps.png'
set multiplot layout 1,2 title 'Negative log-likelihood of 2,000 held-out points against training steps (each point a separate run of that length, seed 0; bars: 95% interval)'
set logscale x
set format x '10^{%T}'
set xrange [666.6666666666666:150000.0]
set xlabel 'training steps'
set ylabel 'NLL (nats)'
set grid lc rgb '#dddddd'
set key top right opaque
set autoscale yfix
set offsets 0, 0, graph 0.08, graph 0.08
set title '8gaussians'
plot 'nll-vs-steps.dat' index 0 using 1:2:3:4 with yerrorlines lw 1.5 pt 7 lc rgb '#d62728' title 'NLL', \
     2.832 with lines dt 2 lw 2 lc rgb '#555555' title 'entropy (2.832)'
set title 'checkerboard'
plot 'nll-vs-steps.dat' index 1 using 1:2:3:4 with yerrorlines lw 1.5 pt 7 lc rgb '#d62728' title 'NLL', \
     3.4657359027997265 with lines dt 2 lw 2 lc rgb '#555555' title 'entropy (3.466)'
unset multiplot
